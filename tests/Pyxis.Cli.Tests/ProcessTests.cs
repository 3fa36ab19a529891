using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pyxis.Cli.Tests;

/// <summary>The <c>pyxis</c> executable as a script or a terminal runs it: signals stop the emulator, a busy port is one line.</summary>
public sealed class ProcessTests
{
    private static readonly string Pyxis = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "pyxis.exe" : "pyxis");

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_the_emulator_cleanly(string signal)
    {
        using var emulator = Start("emulator --port 0");
        var ready = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("Pyxis emulator listening on ", ready, StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", $"-{signal} {emulator.Id}"))
        {
            await kill.WaitForExitAsync();
        }

        await emulator.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, emulator.ExitCode);
        Console.WriteLine($"SIG{signal}: stopped in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_busy_port_is_one_line_and_exit_code_1_not_a_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var emulator = Start($"emulator --port {port}");
        var errors = await emulator.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await emulator.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, emulator.ExitCode);
        Assert.Equal($"Port {port} is already in use; choose another with --port, or --port 0 for any free port.", errors.Trim());
    }

    private static Process Start(string arguments) =>
        Process.Start(
            new ProcessStartInfo(Pyxis, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }
        ) ?? throw new InvalidOperationException("pyxis did not start");
}
