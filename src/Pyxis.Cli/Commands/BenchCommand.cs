using System.CommandLine;
using Pyxis.Cli.Bench;
using Spectre.Console;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis bench</c>: the fan-out, first-item, pagination, coalescing and adaptive-sizing ratios, measured against an emulator in its own process.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "One run each on smaller inputs (a smoke test, not a measurement)" };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Also write the results as a Markdown table to this file" };
        var latency = new Option<int>("--latency") { Description = "Emulator latency per request, in ms", DefaultValueFactory = _ => 55 };
        var only = new Option<string?>("--only")
        {
            Description =
                "Run only the measurements whose name starts with this (fan-out, first item, pagination, batch memory, coalescing, pool size)",
        };
        var command = new Command("bench", "Measure fan-out, time to first item and pagination as ratios")
        {
            quick,
            markdown,
            latency,
            only,
        };
        command.SetAction(
            async (result, ct) =>
            {
                var settings = new BenchSettings(
                    result.GetValue(quick),
                    TimeSpan.FromMilliseconds(result.GetValue(latency)),
                    TimeSpan.FromMilliseconds(5),
                    result.GetValue(quick) ? 1 : 3
                );
                var rows = new List<BenchRow>();
                foreach (
                    var (name, run) in new (string, Func<BenchSettings, CancellationToken, Task<List<BenchRow>>>)[]
                    {
                        ("fan-out", FanOutBench.RunAsync),
                        ("first item", FirstItemBench.RunAsync),
                        ("pagination", PaginationBench.RunAsync),
                        ("batch memory", BatchMemoryBench.RunAsync),
                        ("coalescing and adaptive sizing", FleetMannersBench.RunAsync),
                        ("pool size", PoolSizeBench.RunAsync),
                    }
                )
                {
                    if (result.GetValue(only) is { } wanted && !name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    AnsiConsole.MarkupLine($"Measuring {name}…");
                    rows.AddRange(await run(settings, ct));
                }

                AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
                BenchReport.Print(rows);
                if (result.GetValue(markdown) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, BenchReport.Markdown(rows, settings), ct);
                    AnsiConsole.MarkupLine($"Wrote {Markup.Escape(file.FullName)}");
                }

                return settings.Quick || rows.All(r => r.Met != false) ? 0 : 1;
            }
        );
        return command;
    }
}
