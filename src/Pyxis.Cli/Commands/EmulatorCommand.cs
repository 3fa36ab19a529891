using System.CommandLine;
using Pyxis.Emulator;
using Spectre.Console;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis emulator</c>: serves the Pyxis look-alike on loopback until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port (0 = any free port)", DefaultValueFactory = _ => 0 };
        var latency = new Option<int>("--latency") { Description = "Server think time per request, in ms", DefaultValueFactory = _ => 0 };
        var faultRate = new Option<double>("--fault-rate") { Description = "Share of requests that fail (5xx, 429, resets, malformed JSON, Pyxis timeouts)", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the catalog and the faults", DefaultValueFactory = _ => 42 };
        var command = new Command("emulator", "Serve the Pyxis emulator on loopback") { port, latency, faultRate, seed };
        command.SetAction(async (result, ct) =>
        {
            await using var emulator = await PyxisEmulator.StartAsync(new EmulatorOptions
            {
                Port = result.GetValue(port),
                Latency = TimeSpan.FromMilliseconds(result.GetValue(latency)),
                Seed = result.GetValue(seed),
                FaultFor = result.GetValue(faultRate) is > 0 and var rate ? EmulatorFaultPlan.Mixed(rate, result.GetValue(seed)).Next : null,
            }, ct);
            AnsiConsole.MarkupLine($"Pyxis emulator listening on [green]{emulator.Endpoint}[/] ({emulator.Catalog.Repositories.Count} repositories, {emulator.Catalog.Images.Count} images). Ctrl+C stops it.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }
}
