namespace Pyxis.Cli.Bench;

/// <summary>How hard to measure: the quick run (CI smoke) measures once on smaller inputs.</summary>
internal sealed record BenchSettings(bool Quick, TimeSpan Latency, TimeSpan Jitter, int Repeats)
{
    /// <summary>Runs <paramref name="work"/> <see cref="Repeats"/> times; the run with the median wall time is reported.</summary>
    public async Task<(TimeSpan Wall, TimeSpan Cpu, long Requests)> MedianAsync(CountingHandler counter, Func<Task> work)
    {
        var runs = new List<(TimeSpan Wall, TimeSpan Cpu, long Requests)>();
        for (var i = 0; i < Repeats; i++)
        {
            runs.Add(await Measure.RunAsync(counter, work));
        }

        return runs.OrderBy(r => r.Wall).ElementAt(runs.Count / 2);
    }
}
