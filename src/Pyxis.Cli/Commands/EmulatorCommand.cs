using System.CommandLine;
using System.Runtime.InteropServices;
using Pyxis.Emulator;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis emulator</c>: serves the Pyxis look-alike on loopback until Ctrl+C (or stdin closes, for child processes).</summary>
internal static class EmulatorCommand
{
    public const string ReadyLine = "Pyxis emulator listening on ";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port (0 = any free port)", DefaultValueFactory = _ => 0 };
        var latency = new Option<double>("--latency")
        {
            Description = "Server think time per request, in ms",
            DefaultValueFactory = _ => 0,
        };
        var jitter = new Option<double>("--jitter")
        {
            Description = "Extra random think time, up to this many ms",
            DefaultValueFactory = _ => 0,
        };
        var spread = new Option<string?>("--latency-spread")
        {
            Description = "Per-repository latency MIN:MAX in ms (overrides --latency for repository lookups)",
        };
        var faultRate = new Option<double>("--fault-rate")
        {
            Description = "Share of requests that fail (5xx, 429, resets, malformed JSON, Pyxis timeouts)",
            DefaultValueFactory = _ => 0,
        };
        var timeoutAliases = new Option<int?>("--timeout-over-aliases")
        {
            Description = "Answer a request of more root fields (aliases) than this with Pyxis's server timeout",
        };
        var timeoutPageSize = new Option<int?>("--timeout-over-page-size")
        {
            Description = "Answer a page_size above this with Pyxis's server timeout",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the catalog and the faults", DefaultValueFactory = _ => 42 };
        var repositories = new Option<int>("--repositories") { Description = "Repositories in the catalog", DefaultValueFactory = _ => 60 };
        var images = new Option<int>("--images-per-repository") { Description = "Images per repository", DefaultValueFactory = _ => 10 };
        var untilStdinCloses = new Option<bool>("--until-stdin-closes")
        {
            Description = "Stop when standard input closes (for a parent process)",
        };
        var command = new Command("emulator", "Serve the Pyxis emulator on loopback")
        {
            port,
            latency,
            jitter,
            spread,
            faultRate,
            timeoutAliases,
            timeoutPageSize,
            seed,
            repositories,
            images,
            untilStdinCloses,
        };
        command.SetAction(
            async (result, ct) =>
            {
                var options = new EmulatorOptions
                {
                    Port = result.GetValue(port),
                    Latency = TimeSpan.FromMilliseconds(result.GetValue(latency)),
                    Jitter = TimeSpan.FromMilliseconds(result.GetValue(jitter)),
                    Seed = result.GetValue(seed),
                    Repositories = result.GetValue(repositories),
                    ImagesPerRepository = result.GetValue(images),
                    FaultFor = result.GetValue(faultRate) is > 0 and var rate
                        ? EmulatorFaultPlan.Mixed(rate, result.GetValue(seed)).Next
                        : null,
                    LatencyFor = SpreadRule(result.GetValue(spread)),
                    TimeOutOverAliases = result.GetValue(timeoutAliases),
                    TimeOutOverPageSize = result.GetValue(timeoutPageSize),
                };
                // Ctrl+C, SIGINT and SIGTERM stop the server at once and cleanly (exit code 0).
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOn(stop));
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOn(stop));
                PyxisEmulator emulator;
                try
                {
                    emulator = await PyxisEmulator.StartAsync(options, stop.Token);
                }
                catch (IOException ex)
                    when (ex.InnerException
                            is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
                        || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    )
                {
                    Console.Error.WriteLine(
                        $"Port {options.Port} is already in use; choose another with --port, or --port 0 for any free port."
                    );
                    return 1;
                }

                await using (emulator)
                {
                    Console.WriteLine(
                        $"{ReadyLine}{emulator.Endpoint} ({emulator.Catalog.Repositories.Count} repositories, {emulator.Catalog.Images.Count} images). Ctrl+C stops it."
                    );
                    await (
                        result.GetValue(untilStdinCloses)
                            ? Task.Run(() => Console.In.ReadToEnd(), stop.Token).WaitAsync(stop.Token)
                            : Task.Delay(Timeout.Infinite, stop.Token)
                    ).ContinueWith(static _ => { }, TaskScheduler.Default);
                }

                return 0;
            }
        );
        return command;
    }

    private static Action<PosixSignalContext> StopOn(CancellationTokenSource stop) =>
        context =>
        {
            context.Cancel = true; // the server shuts down itself; the runtime need not kill the process
            stop.Cancel();
        };

    private static Func<EmulatorRequest, TimeSpan?>? SpreadRule(string? spread)
    {
        if (spread?.Split(':') is not [var min, var max])
        {
            return null;
        }

        var (low, high) = (
            TimeSpan.FromMilliseconds(double.Parse(min, System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromMilliseconds(double.Parse(max, System.Globalization.CultureInfo.InvariantCulture))
        );
        return r => r.Variable("repository") is { } repository ? EmulatorLatency.ForRepository(repository, low, high) : null;
    }
}
