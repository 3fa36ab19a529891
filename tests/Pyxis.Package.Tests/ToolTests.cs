namespace Pyxis.Package.Tests;

/// <summary><c>pyxis</c> as users get it: <c>dotnet tool install pyxis</c> from a feed, into a private tool path.</summary>
public sealed class ToolTests
{
    [Fact]
    public void The_packed_tool_installs_and_runs()
    {
        var feed = Directory.CreateTempSubdirectory("pyxis-tool-feed-").FullName;
        var tools = Directory.CreateTempSubdirectory("pyxis-tools-").FullName;
        var work = Directory.CreateTempSubdirectory("pyxis-tool-pack-").FullName;
        try
        {
            var version = PackedPackage.NewVersion();
            var configuration = AppContext.BaseDirectory.Contains(
                $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal
            )
                ? "Release"
                : "Debug";
            // The tool's publish step and nuspec go to a folder of this test's own, not into src/Pyxis.Cli/bin and obj.
            var (packed, packOutput) = DotNet.Run(
                PackedPackage.Root,
                $"pack src/Pyxis.Cli --no-build -c {configuration} -o \"{feed}\" -p:PackageVersion={version} -p:MinVerVersionOverride={version}"
                    + $" -p:PublishDir=\"{Path.Combine(work, "publish")}/\" -p:NuspecOutputPath=\"{Path.Combine(work, "nuspec")}/\""
            );
            Assert.True(packed == 0, packOutput);

            var (installed, installOutput) = DotNet.Run(
                feed,
                $"tool install pyxis --tool-path \"{tools}\" --add-source \"{feed}\" --version {version}"
            );
            Assert.True(installed == 0, installOutput);

            var (code, help) = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "pyxis.exe" : "pyxis"), "--help");
            Assert.True(code == 0, help);
            foreach (var command in new[] { "repo", "images", "schema", "emulator", "demo" })
            {
                Assert.Contains($"  {command} ", help, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(feed, recursive: true);
            Directory.Delete(tools, recursive: true);
            Directory.Delete(work, recursive: true);
        }
    }

    private static (int Code, string Output) Run(string executable, string arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "pyxis --help did not finish");
        return (process.ExitCode, output.Result + errors.Result);
    }
}
