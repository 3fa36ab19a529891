using System.Diagnostics;
using Pyxis.Client.Batching;

namespace Pyxis.Cli.Bench;

/// <summary>
/// Live managed memory while a completion-ordered batch streams a trivial operation (each result a 1 KiB array, so a
/// result kept too long shows) over many inputs: it must follow MaxConcurrency, not the number of inputs
/// (1 000 000 inputs within 2× of 10 000; keeping every result would need about 1 GiB).
/// </summary>
internal static class BatchMemoryBench
{
    private const int Samples = 20;
    private static readonly BatchOptions Options = new() { MaxConcurrency = 64 };

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        var large = settings.Quick ? 100_000 : 1_000_000;
        await PeakLiveBytesAsync(1_000, ct); // warm-up: JIT and pools, so neither run pays for them
        var (smallPeak, smallWall) = await PeakLiveBytesAsync(10_000, ct);
        var (largePeak, largeWall) = await PeakLiveBytesAsync(large, ct);
        var ratio = largePeak / (double)smallPeak;
        const string Name = "batch memory (1 KiB results, 64 in flight)";
        return
        [
            new(Name, "10,000 inputs", smallWall, 1, "itself", "-", null, 0, TimeSpan.Zero, $"peak live heap +{smallPeak / 1024} KiB"),
            new(
                Name,
                $"{large:N0} inputs",
                largeWall,
                ratio,
                "10,000 inputs' peak",
                "≤ 2×",
                ratio <= 2,
                0,
                TimeSpan.Zero,
                $"peak live heap +{largePeak / 1024} KiB"
            ),
        ];
    }

    // Live bytes after a full collection, sampled while the stream runs; the peak above the starting heap.
    private static async Task<(long Peak, TimeSpan Wall)> PeakLiveBytesAsync(int inputs, CancellationToken ct)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 1024L;
        var count = 0;
        var clock = Stopwatch.StartNew();
        await foreach (
            var item in PyxisBatch.InCompletionOrder(
                Enumerable.Range(0, inputs),
                static (i, _) => Task.FromResult(new byte[1024]),
                Options,
                ct
            )
        )
        {
            if (++count % (inputs / Samples) == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        return count == inputs ? (peak, clock.Elapsed) : throw new InvalidOperationException($"streamed {count} of {inputs} items");
    }
}
