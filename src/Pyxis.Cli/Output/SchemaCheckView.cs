using Pyxis.Client.SchemaCheck;
using Spectre.Console;

namespace Pyxis.Cli.Output;

/// <summary>What <c>pyxis schema check</c> prints: the changes and the broken operations as tables, or one JSON document.</summary>
internal static class SchemaCheckView
{
    public static void Print(IAnsiConsole console, SchemaCheckReport report, string source, int code, bool json)
    {
        if (json)
        {
            SchemaCheckJson.Write(console, report, source, code);
            return;
        }

        console.MarkupLine(
            $"Compared with [bold]{Markup.Escape(source)}[/]: {report.Changes.Count} change(s), {report.OperationsChecked} operation(s) checked"
        );
        if (report.Changes.Count > 0)
        {
            var changes = new Table().AddColumns("severity", "kind", "coordinate", "description", "operations");
            foreach (var change in report.Changes)
            {
                changes.AddRow(
                    Severity(change.Severity),
                    Markup.Escape(change.Kind),
                    Markup.Escape(change.Coordinate),
                    Markup.Escape(change.Description),
                    Markup.Escape(string.Join(", ", change.Operations.Select(o => o.Name)))
                );
            }

            console.Write(changes);
        }

        if (report.BreaksOperations)
        {
            var broken = new Table().AddColumns("broken operation", "where", "why");
            foreach (var operation in report.BrokenOperations)
            {
                broken.AddRow(
                    $"[red]{Markup.Escape(operation.Operation.Name)}[/]",
                    Markup.Escape(Where(operation.Operation)),
                    Markup.Escape(string.Join("\n", operation.Reasons))
                );
            }

            console.Write(broken);
        }

        console.MarkupLine(Verdict(report, code));
    }

    public static void PrintFailure(IAnsiConsole console, string message, bool json)
    {
        if (json)
        {
            JsonOutput.Write(console, w =>
            {
                w.WriteStartObject();
                w.WriteString("verdict", "could-not-check");
                w.WriteNumber("exitCode", 2);
                w.WriteString("error", message);
                w.WriteEndObject();
            });
            return;
        }

        console.MarkupLine($"[red]Could not check: {Markup.Escape(message)}[/]");
    }

    public static string Where(PyxisOperationInfo operation) => $"{operation.File}({operation.Line},{operation.Column})";

    private static string Verdict(SchemaCheckReport report, int code) =>
        (code, report.BreaksOperations) switch
        {
            (0, _) when report.HasBreakingChanges => "[yellow]Breaking changes, but none reaches a shipped operation.[/]",
            (0, _) => "[green]No shipped operation breaks.[/]",
            (_, true) => $"[red]{report.BrokenOperations.Count} shipped operation(s) break.[/]",
            _ => "[red]Breaking changes (no operations given, or --strict).[/]",
        };

    private static string Severity(SchemaChangeSeverity severity) =>
        severity switch
        {
            SchemaChangeSeverity.Breaking => "[red]breaking[/]",
            SchemaChangeSeverity.Dangerous => "[yellow]dangerous[/]",
            _ => "safe",
        };
}
