namespace Pyxis.Cli.Bench;

/// <summary>One measured line: what ran, how long, against which yardstick, and whether it met its target.</summary>
internal sealed record BenchRow(
    string Scenario,
    string Variant,
    TimeSpan Wall,
    double Ratio,
    string RatioOf,
    string Target,
    bool? Met,
    long Requests,
    TimeSpan ClientCpu,
    string Note = ""
);

/// <summary>Measures a block: wall time, client CPU time, requests sent.</summary>
internal static class Measure
{
    public static async Task<(TimeSpan Wall, TimeSpan Cpu, long Requests)> RunAsync(CountingHandler counter, Func<Task> work)
    {
        counter.Reset();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await work();
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed, process.TotalProcessorTime - cpu, counter.Requests);
    }
}
