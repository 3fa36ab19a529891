using System.CommandLine;
using Pyxis.Cli.Commands;

var root = new RootCommand("pyxis: the Pyxis SDK's command line (demo, emulator, bench, schema pull)");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(EmulatorCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(SchemaCommand.Create());
return await root.Parse(args).InvokeAsync();
