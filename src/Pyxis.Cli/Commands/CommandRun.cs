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

    /// <summary>Each distinct failure as one red line under the table (the same error for many lookups is said once).</summary>
    public static void ReportFailures(IAnsiConsole console, IEnumerable<(Exception Error, string Lookup)> failures)
    {
        foreach (var group in failures.GroupBy(f => Reason(f.Error)))
        {
            var lookups = group.Select(f => f.Lookup).ToList();
            var which =
                lookups.Count == 1
                    ? lookups[0]
                    : $"{lookups.Count} lookups: {string.Join(", ", lookups.Take(3))}{(lookups.Count > 3 ? ", …" : string.Empty)}";
            console.MarkupLine($"[red]{Markup.Escape($"{group.Key.TrimEnd()} ({which})")}[/]");
        }
    }

    /// <summary>A failure's kind in a word: transport, graphql, response…</summary>
    public static string Kind(Exception error) =>
        error
            .GetType()
            .Name.Replace("Pyxis", string.Empty, StringComparison.Ordinal)
            .Replace("Exception", string.Empty, StringComparison.Ordinal)
            .ToLowerInvariant();

    /// <summary>The failure as <see cref="ReportFailures"/> words it, for JSON output.</summary>
    public static string Describe(Exception error) => Reason(error).TrimEnd();

    // The failure without the operation and variables that differ per lookup: what went wrong, once.
    private static string Reason(Exception error)
    {
        if (error is not PyxisException pyxis)
        {
            return error.Message;
        }

        var cut = pyxis.Message.IndexOf(" failed: ", StringComparison.Ordinal);
        var reason = cut < 0 ? pyxis.Message : pyxis.Message[(cut + " failed: ".Length)..];
        return $"Pyxis {pyxis.OperationName} failed: {reason}";
    }

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
