using Pyxis.Client;

namespace Pyxis.Cli.Bench;

/// <summary>All images in pages of 200: Freshmaker's one-page-after-another loop vs the concurrent stream, with peak memory.</summary>
internal static class PaginationBench
{
    private const int PageSize = 200;

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        var repositories = settings.Quick ? 10 : 100;
        var total = repositories * PageSize;
        await using var session = await BenchSession.StartAsync(
            $"--latency {settings.Latency.TotalMilliseconds} --repositories {repositories} --images-per-repository {PageSize}",
            ct
        );
        await session.Client.FindImagesAsync(page: 0, pageSize: PageSize, cancellationToken: ct); // warm-up

        var peak = 0L;
        var sequential = await settings.MedianAsync(session.Counter, async () =>
            peak = await Streamed(FreshmakerStyleAsync(session.Client, ct), total)
        );
        var sequentialPeak = peak;
        var concurrent = await settings.MedianAsync(session.Counter, async () =>
            peak = await Streamed(
                session.Client.FindImagesAllAsync(
                    pageSize: PageSize,
                    paging: new PyxisPaging { MaxConcurrency = 8 },
                    cancellationToken: ct
                ),
                total
            )
        );
        var name = $"pagination ({total:N0} images, pages of {PageSize})";
        return
        [
            new(
                name,
                "sequential, stop on an empty page (Freshmaker)",
                sequential.Wall,
                1,
                "itself",
                "-",
                null,
                sequential.Requests,
                sequential.Cpu,
                $"peak managed memory +{sequentialPeak / 1024 / 1024} MB"
            ),
            new(
                name,
                "concurrent stream, 8 pages in flight",
                concurrent.Wall,
                concurrent.Wall / sequential.Wall,
                "sequential",
                "-",
                null,
                concurrent.Requests,
                concurrent.Cpu,
                $"peak managed memory +{peak / 1024 / 1024} MB"
            ),
        ];
    }

    // Freshmaker: page after page until a page comes back empty, which costs one request more than the data needs.
    private static async IAsyncEnumerable<FindImagesQuery.ContainerImage?> FreshmakerStyleAsync(
        IPyxisClient client,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct
    )
    {
        for (var page = 0; ; page++)
        {
            var result = await client.FindImagesAsync(page: page, pageSize: PageSize, cancellationToken: ct);
            if (result.Data is not { Count: > 0 } data)
            {
                yield break;
            }

            foreach (var image in data)
            {
                yield return image;
            }
        }
    }

    /// <summary>Consumes the stream, checks it is complete, and returns the peak managed heap growth seen while streaming.</summary>
    private static async Task<long> Streamed(IAsyncEnumerable<FindImagesQuery.ContainerImage?> images, int expected)
    {
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var count = 0;
        await foreach (var image in images)
        {
            if (++count % 100 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline);
            }
        }

        return count == expected ? peak : throw new InvalidOperationException($"streamed {count} of {expected} images");
    }
}
