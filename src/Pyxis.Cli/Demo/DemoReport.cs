using Spectre.Console;

namespace Pyxis.Cli.Demo;

/// <summary>Everything the demo prints.</summary>
internal static class DemoReport
{
    public static void Intro(ExhibitionSettings settings, Uri endpoint, int boards)
    {
        AnsiConsole.Write(new Rule("[bold]Pyxis chess exhibition[/]"));
        AnsiConsole.MarkupLine(
            $"{boards} boards (get_repository_by_registry_path lookups) against [green]{Markup.Escape(endpoint.ToString())}[/]"
        );
        if (settings.Endpoint is null)
        {
            AnsiConsole.MarkupLine(
                $"Each opponent (the embedded Pyxis emulator) thinks {settings.Latency.TotalMilliseconds:0} ms + up to {settings.Jitter.TotalMilliseconds:0} ms per move."
            );
        }
    }

    public static void Finished(Board board, bool skipped) => AnsiConsole.MarkupLine(Format(board, _ => skipped));

    public static string Format(Board board, Func<Board, bool> skipped)
    {
        var outcome =
            board.Error is not null ? $"[red]failed: {Markup.Escape(board.Error.Message)}[/]"
            : board.Result is null ? "[grey]not found (404 → null)[/]"
            : $"published={board.Result.Published}";
        var skip = skipped(board) ? (board.Result is null ? " [grey](skipped)[/]" : " [grey](skipped: deprecated)[/]") : string.Empty;
        return $"  {board.FinishedAt.TotalMilliseconds, 6:0} ms  board #{board.Index + 1, -3} {Markup.Escape(board.Registry + "/" + board.Path), -40} {outcome}{skip}";
    }

    public static void Results(IReadOnlyList<Board> boards, Func<Board, bool> skipped)
    {
        var table = new Table()
            .Title("Collected results (skip list applied)")
            .AddColumns("Board", "Finished", "Repository", "Published", "Release categories");
        foreach (var board in boards.Where(b => !skipped(b)).OrderBy(b => b.Index))
        {
            table.AddRow(
                $"#{board.Index + 1}",
                $"{board.FinishOrder}.",
                Markup.Escape(board.Registry + "/" + board.Path),
                board.Result?.Published?.ToString() ?? "-",
                Markup.Escape(string.Join(", ", board.Result?.ReleaseCategories ?? Pyxis.Client.ValueList<string?>.Empty))
            );
        }

        AnsiConsole.Write(table);
    }

    public static void Summary(TimeSpan sequential, TimeSpan concurrent, IReadOnlyList<Board> boards, TimeSpan latency)
    {
        var speedUp = sequential.TotalMilliseconds / Math.Max(concurrent.TotalMilliseconds, 0.001);
        var reordered = boards.Select(b => b.Index).Where((index, position) => index != position).Count();
        AnsiConsole.MarkupLine($"Sequential:       [yellow]{sequential.TotalMilliseconds, 7:0} ms[/]");
        AnsiConsole.MarkupLine(
            $"Completion order: [yellow]{concurrent.TotalMilliseconds, 7:0} ms[/] (one round trip is about {latency.TotalMilliseconds:0} ms)"
        );
        AnsiConsole.MarkupLine($"Speed-up:         [green bold]{speedUp, 7:0.0}x[/]");
        AnsiConsole.MarkupLine(
            $"Finish order differs from board order for {reordered} of {boards.Count} boards; {boards.Count(b => b.Error is null)} of {boards.Count} accounted for without error."
        );
    }
}
