using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Pyxis.Benchmarks -- --filter '*'   (add --job Dry --inProcess for a smoke run)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
