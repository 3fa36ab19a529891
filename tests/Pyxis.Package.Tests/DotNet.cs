using System.Diagnostics;

namespace Pyxis.Package.Tests;

/// <summary>Runs the dotnet CLI as a user would, with a time limit, and returns its exit code and output.</summary>
internal static class DotNet
{
    public static (int ExitCode, string Output) Run(string workingDirectory, string arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("CI"); // the consumer's own settings decide about warnings, not ours
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish in time");
        }

        return (process.ExitCode, output.Result + errors.Result);
    }
}
