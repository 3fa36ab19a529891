using Spectre.Console;

namespace Pyxis.Cli.Tests;

/// <summary>
/// Runs the <c>pyxis</c> command tree in-process with a recording console: piped (default) or a terminal, into
/// <c>output</c> when the test watches what is written while the command runs.
/// </summary>
internal static class CliRun
{
    public static async Task<(int Code, string Output)> RunAsync(
        string[] args,
        int width = 500,
        bool terminal = false,
        StringWriter? output = null
    )
    {
        using var own = output is null ? new StringWriter() : null;
        var writer = output ?? own!;
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
                Out = new AnsiConsoleOutput(writer),
            }
        );
        console.Profile.Width = width; // 500: one table row per line, whatever the cell lengths
        var code = await PyxisCommandLine
            .Create(console)
            .Parse(args)
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = writer, Error = writer });
        return (code, writer.ToString());
    }
}
