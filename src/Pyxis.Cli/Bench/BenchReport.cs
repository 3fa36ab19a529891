using System.Runtime.InteropServices;
using System.Text;
using Spectre.Console;

namespace Pyxis.Cli.Bench;

/// <summary>Prints the rows as a table and, when asked, as Markdown for RESULTS.md.</summary>
internal static class BenchReport
{
    public static void Print(IReadOnlyList<BenchRow> rows)
    {
        var table = new Table().AddColumns("Scenario", "Variant", "Wall", "Ratio", "Of", "Target", "Requests", "Client CPU", "Note");
        foreach (var r in rows)
        {
            var ratio = r.Met switch
            {
                true => $"[green]{r.Ratio:0.00}×[/]",
                false => $"[red]{r.Ratio:0.00}×[/]",
                null => $"{r.Ratio:0.00}×",
            };
            table.AddRow(
                Markup.Escape(r.Scenario),
                Markup.Escape(r.Variant),
                $"{r.Wall.TotalMilliseconds:0} ms",
                ratio,
                Markup.Escape(r.RatioOf),
                Markup.Escape(r.Target),
                r.Requests.ToString(),
                $"{r.ClientCpu.TotalMilliseconds:0} ms",
                Markup.Escape(r.Note)
            );
        }

        AnsiConsole.Write(table);
    }

    public static string Markdown(IReadOnlyList<BenchRow> rows, BenchSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine(
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; emulator latency {settings.Latency.TotalMilliseconds:0} ms ± {settings.Jitter.TotalMilliseconds / 2:0.#} ms jitter (fan-out) in a separate process; median of {settings.Repeats} runs."
        );
        text.AppendLine();
        text.AppendLine("| scenario | variant | wall | ratio | of | target | met | requests | client CPU | note |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var met = r.Met switch
            {
                true => "yes",
                false => "**no**",
                null => "",
            };
            text.AppendLine(
                $"| {r.Scenario} | {r.Variant} | {r.Wall.TotalMilliseconds:0} ms | {r.Ratio:0.00}× | {r.RatioOf} | {r.Target} | {met} | {r.Requests} | {r.ClientCpu.TotalMilliseconds:0} ms | {r.Note} |"
            );
        }

        return text.ToString();
    }
}
