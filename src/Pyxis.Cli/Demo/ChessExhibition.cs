using System.Diagnostics;
using Pyxis.Client;
using Pyxis.Client.Batching;
using Pyxis.Emulator;
using Spectre.Console;
using Repository = Pyxis.Client.GetRepositoryByRegistryPathQuery.ContainerRepository;

namespace Pyxis.Cli.Demo;

internal sealed record ExhibitionSettings(int Count, TimeSpan Latency, TimeSpan Jitter, int Concurrency, Uri? Endpoint);

/// <summary>One board's game: which lookup it was, what came back, and when.</summary>
internal sealed record Board(
    int Index,
    string Registry,
    string Path,
    Repository? Result,
    Exception? Error,
    TimeSpan FinishedAt,
    int FinishOrder
);

/// <summary>
/// The seed's chess exhibition, for real: N lookups played one board at a time, then all boards at once
/// through the completion-ordered batch, with the seed's skip list applied as each result arrives.
/// </summary>
internal sealed class ChessExhibition(ExhibitionSettings settings)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (settings.Count < 1)
        {
            AnsiConsole.MarkupLine("[red]--count must be at least 1.[/]");
            return 2;
        }

        await using var emulator = settings.Endpoint is null
            ? await PyxisEmulator.StartAsync(
                new EmulatorOptions { Latency = settings.Latency, Jitter = settings.Jitter },
                cancellationToken
            )
            : null;
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = settings.Endpoint ?? emulator!.Endpoint });
        var paths = BoardPaths.For(emulator, settings.Count);
        DemoReport.Intro(settings, client.Endpoint, paths.Count);

        await WarmUpAsync(client, paths, cancellationToken);
        var sequential = await PlaySequentialAsync(client, paths, cancellationToken);
        var concurrent = await PlayConcurrentAsync(client, paths, cancellationToken);
        DemoReport.Results(concurrent.Boards, SkipList.Applies);
        DemoReport.Summary(sequential, concurrent.Elapsed, concurrent.Boards, settings.Latency);
        return concurrent.Boards.All(b => b.Error is null) ? 0 : 1;
    }

    // A service calling Pyxis is warm: its code is compiled and its connections are open. Play one
    // untimed round of both styles first so the timed rounds measure the exhibition, not start-up.
    private static async Task WarmUpAsync(
        PyxisClient client,
        IReadOnlyList<(string Registry, string Repository)> paths,
        CancellationToken ct
    )
    {
        await client.GetRepositoryByRegistryPathAsync(paths[0].Registry, paths[0].Repository, ct);
        await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { MaxConcurrency = paths.Count }, ct))
        {
            DemoReport.Format(
                new Board(item.Index, item.Input.Registry, item.Input.Repository, item.Value, item.Exception, TimeSpan.Zero, 0),
                SkipList.Applies
            );
        }
    }

    private static async Task<TimeSpan> PlaySequentialAsync(
        PyxisClient client,
        IReadOnlyList<(string Registry, string Repository)> paths,
        CancellationToken ct
    )
    {
        var clock = Stopwatch.StartNew();
        await AnsiConsole
            .Progress()
            .AutoClear(true)
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("One board at a time", maxValue: paths.Count);
                foreach (var (registry, repository) in paths)
                {
                    await client.GetRepositoryByRegistryPathAsync(registry, repository, ct);
                    task.Increment(1);
                }
            });
        clock.Stop();
        AnsiConsole.MarkupLine($"Sequential: [yellow]{paths.Count}[/] lookups in [yellow]{clock.Elapsed.TotalMilliseconds:0} ms[/]");
        return clock.Elapsed;
    }

    private async Task<(List<Board> Boards, TimeSpan Elapsed)> PlayConcurrentAsync(
        PyxisClient client,
        IReadOnlyList<(string Registry, string Repository)> paths,
        CancellationToken ct
    )
    {
        var boards = new List<Board>();
        var options = new BatchOptions { MaxConcurrency = settings.Concurrency > 0 ? settings.Concurrency : paths.Count };
        AnsiConsole.MarkupLine("All boards at once, printed as each game finishes:");
        var clock = Stopwatch.StartNew();
        await foreach (var item in client.GetRepositoriesByRegistryPathAsync(paths, options, ct))
        {
            var board = new Board(
                item.Index,
                item.Input.Registry,
                item.Input.Repository,
                item.Value,
                item.Exception,
                clock.Elapsed,
                boards.Count + 1
            );
            boards.Add(board);
            DemoReport.Finished(board, SkipList.Applies(board));
        }

        clock.Stop();
        return (boards, clock.Elapsed);
    }
}
