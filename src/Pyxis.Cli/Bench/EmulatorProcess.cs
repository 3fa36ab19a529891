using System.Diagnostics;
using Pyxis.Cli.Commands;

namespace Pyxis.Cli.Bench;

/// <summary>
/// The emulator in its own process, so the benchmark's CPU time and memory are the client's alone.
/// Started as <c>pyxis emulator … --until-stdin-closes</c>; disposing closes its stdin.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process process;

    private EmulatorProcess(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<EmulatorProcess> StartAsync(string arguments, CancellationToken ct)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which executable to start.");
        var prefix =
            Path.GetFileNameWithoutExtension(self) == "dotnet" ? $"\"{typeof(EmulatorProcess).Assembly.Location}\" " : string.Empty;
        var start = new ProcessStartInfo(self, $"{prefix}emulator --port 0 --until-stdin-closes {arguments}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(EmulatorCommand.ReadyLine, StringComparison.Ordinal))
            {
                var url = line[EmulatorCommand.ReadyLine.Length..].Split(' ')[0];
                return new EmulatorProcess(process, new Uri(url));
            }
        }

        process.Kill();
        throw new InvalidOperationException("The emulator process exited before it was ready.");
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
