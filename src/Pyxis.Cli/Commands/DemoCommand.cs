using System.CommandLine;
using Pyxis.Cli.Demo;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis demo</c>: the chess exhibition of the seed document, played for real against the emulator.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many repository lookups (boards)", DefaultValueFactory = _ => 24 };
        var latency = new Option<int>("--latency") { Description = "Server think time per request, in ms", DefaultValueFactory = _ => 55 };
        var jitter = new Option<int>("--jitter")
        {
            Description = "Extra random server time per request, up to this many ms",
            DefaultValueFactory = _ => 15,
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Most requests in flight at once (default: all)",
            DefaultValueFactory = _ => 0,
        };
        var endpoint = UriOption.Create("--endpoint", "Play against this Pyxis endpoint instead of the embedded emulator");
        var command = new Command("demo", "Sequential vs completion-ordered lookups: 24 boards finish in the time of one")
        {
            count,
            latency,
            jitter,
            concurrency,
            endpoint,
        };
        command.SetAction(
            (result, ct) =>
                new ChessExhibition(
                    new ExhibitionSettings(
                        result.GetValue(count),
                        TimeSpan.FromMilliseconds(result.GetValue(latency)),
                        TimeSpan.FromMilliseconds(result.GetValue(jitter)),
                        result.GetValue(concurrency),
                        result.GetValue(endpoint)
                    )
                ).RunAsync(ct)
        );
        return command;
    }
}
