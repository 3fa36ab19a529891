using Pyxis.Client;
using Spectre.Console;

namespace Pyxis.Cli.Commands;

/// <summary>Exit codes and error reporting shared by the commands that call Pyxis.</summary>
internal static class CommandRun
{
    /// <summary>Everything asked for was found.</summary>
    public const int Found = 0;

    /// <summary>Bad settings, or Pyxis could not be asked (transport, GraphQL or server errors).</summary>
    public const int Failed = 1;

    /// <summary>Pyxis answered, but some of what was asked for does not exist.</summary>
    public const int SomeMissing = 2;

    /// <summary>Runs a command body; settings and Pyxis failures become one red line and <see cref="Failed"/>, not a stack trace.</summary>
    public static async Task<int> SafelyAsync(IAnsiConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is ArgumentException or PyxisException)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return Failed;
        }
    }
}
