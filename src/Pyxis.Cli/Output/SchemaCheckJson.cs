using System.Text.Json;
using Pyxis.Client.SchemaCheck;
using Spectre.Console;

namespace Pyxis.Cli.Output;

/// <summary><c>pyxis schema check --output json</c>: the verdict, every change with the operations it reaches, the broken operations.</summary>
internal static class SchemaCheckJson
{
    public static void Write(IAnsiConsole console, SchemaCheckReport report, string source, int code) => JsonOutput.Write(console, w =>
        {
            w.WriteStartObject();
            w.WriteString("verdict", code == 0 ? "safe" : "breaking");
            w.WriteNumber("exitCode", code);
            w.WriteString("schema", source);
            w.WriteNumber("operationsChecked", report.OperationsChecked);
            w.WriteStartArray("changes");
            foreach (var change in report.Changes)
            {
                w.WriteStartObject();
                w.WriteString("severity", change.Severity.ToString().ToLowerInvariant());
                w.WriteString("kind", change.Kind);
                w.WriteString("coordinate", change.Coordinate);
                w.WriteString("description", change.Description);
                JsonOutput.WriteStrings(w, "operations", change.Operations.Select(o => o.Name));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("brokenOperations");
            foreach (var broken in report.BrokenOperations)
            {
                Operation(w, broken.Operation);
                JsonOutput.WriteStrings(w, "reasons", broken.Reasons);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    // Left open so the caller can add its own properties.
    private static void Operation(Utf8JsonWriter w, PyxisOperationInfo operation)
    {
        w.WriteStartObject();
        w.WriteString("name", operation.Name);
        w.WriteString("kind", operation.Kind);
        w.WriteString("operationType", operation.OperationType);
        w.WriteString("id", operation.Id);
        w.WriteString("file", operation.File);
        w.WriteNumber("line", operation.Line);
        w.WriteNumber("column", operation.Column);
    }
}
