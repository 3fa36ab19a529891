using System.Text;
using System.Text.Json;

namespace Pyxis.Client.SchemaPull;

/// <summary>
/// Prints an introspection result as SDL the way graphql-js's <c>printSchema</c> does (the bundled schema was printed
/// so, and a pull from a server that serves it gives the same text back): the server's directive and type order,
/// descriptions as block strings (on lines of their own past 70 characters), a blank line before a described member
/// that is not the first, <c>@deprecated</c> bare for the default reason. Built-in scalars and the directives every
/// server has (<c>include</c>, <c>skip</c>, <c>deprecated</c>, <c>oneOf</c>) are left out.
/// </summary>
internal static class SdlPrinter
{
    private const string DefaultDeprecationReason = "No longer supported";
    private static readonly HashSet<string> BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];
    private static readonly HashSet<string> BuiltInDirectives = ["include", "skip", "deprecated", "oneOf"];

    public static string Print(JsonElement schema)
    {
        var blocks = new List<string>();
        foreach (var directive in schema.GetProperty("directives").EnumerateArray().Where(d => !BuiltInDirectives.Contains(Name(d))))
        {
            var locations = string.Join(" | ", directive.GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
            blocks.Add(
                Description(directive, string.Empty, true)
                    + "directive @"
                    + Name(directive)
                    + Arguments(directive, string.Empty)
                    + " on "
                    + locations
            );
        }

        blocks.AddRange(
            schema
                .GetProperty("types")
                .EnumerateArray()
                .Where(t => !Name(t).StartsWith("__", StringComparison.Ordinal) && !BuiltInScalars.Contains(Name(t)))
                .Select(t => Description(t, string.Empty, true) + PrintType(t))
        );
        return string.Join("\n\n", blocks) + "\n";
    }

    private static string PrintType(JsonElement type)
    {
        var name = Name(type);
        switch (type.GetProperty("kind").GetString())
        {
            case "SCALAR":
                return "scalar " + name;
            case "UNION":
                var members = string.Join(" | ", Items(type, "possibleTypes").Select(Name));
                return "union " + name + (members.Length > 0 ? " = " + members : string.Empty);
            case "ENUM":
                return "enum "
                    + name
                    + Block(Items(type, "enumValues").Select((v, i) => Description(v, "  ", i == 0) + "  " + Name(v) + Deprecation(v)));
            case "INPUT_OBJECT":
                return "input "
                    + name
                    + Block(Items(type, "inputFields").Select((f, i) => Description(f, "  ", i == 0) + "  " + InputValue(f)));
            default:
                var keyword = type.GetProperty("kind").GetString() == "INTERFACE" ? "interface " : "type ";
                var interfaces = Items(type, "interfaces").Select(Name).ToList();
                var implements = interfaces.Count > 0 ? " implements " + string.Join(" & ", interfaces) : string.Empty;
                return keyword
                    + name
                    + implements
                    + Block(
                        Items(type, "fields")
                            .Select(
                                (f, i) =>
                                    Description(f, "  ", i == 0)
                                    + "  "
                                    + Name(f)
                                    + Arguments(f, "  ")
                                    + ": "
                                    + TypeRef(f.GetProperty("type"))
                                    + Deprecation(f)
                            )
                    );
        }
    }

    private static string Block(IEnumerable<string> lines)
    {
        var text = string.Join("\n", lines);
        return text.Length == 0 ? string.Empty : " {\n" + text + "\n}";
    }

    // Arguments with descriptions go one per line, each under its own description, as graphql-js prints them.
    private static string Arguments(JsonElement owner, string indentation)
    {
        var args = Items(owner, "args").ToList();
        if (args.Count == 0)
        {
            return string.Empty;
        }

        if (args.All(a => DescriptionText(a) is null))
        {
            return "(" + string.Join(", ", args.Select(InputValue)) + ")";
        }

        var lines = args.Select((a, i) => Description(a, "  " + indentation, i == 0) + "  " + indentation + InputValue(a));
        return "(\n" + string.Join("\n", lines) + "\n" + indentation + ")";
    }

    private static string InputValue(JsonElement value)
    {
        var text = Name(value) + ": " + TypeRef(value.GetProperty("type"));
        if (value.TryGetProperty("defaultValue", out var fallback) && fallback.ValueKind == JsonValueKind.String)
        {
            text += " = " + fallback.GetString();
        }

        return text + Deprecation(value);
    }

    private static string Description(JsonElement element, string indentation, bool firstInBlock)
    {
        if (DescriptionText(element) is not { } description)
        {
            return string.Empty;
        }

        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix
            + BlockString(description, description.Length > 70).Replace("\n", "\n" + indentation, StringComparison.Ordinal)
            + "\n";
    }

    // graphql-js printBlockString: one line when it fits, else the text between lines of their own.
    private static string BlockString(string value, bool preferMultipleLines)
    {
        var singleLine = !value.Contains('\n', StringComparison.Ordinal);
        var leadingSpace = value.Length > 0 && (value[0] == ' ' || value[0] == '\t');
        var multipleLines = !singleLine || value.EndsWith('"') || value.EndsWith('\\') || preferMultipleLines;
        var text = new StringBuilder();
        if (multipleLines && !(singleLine && leadingSpace))
        {
            text.Append('\n');
        }

        text.Append(value);
        if (multipleLines)
        {
            text.Append('\n');
        }

        return "\"\"\"" + text.ToString().Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal) + "\"\"\"";
    }

    private static string? DescriptionText(JsonElement element) =>
        element.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String
            ? description.GetString()
            : null;

    private static string TypeRef(JsonElement type) =>
        type.GetProperty("kind").GetString() switch
        {
            "NON_NULL" => TypeRef(type.GetProperty("ofType")) + "!",
            "LIST" => "[" + TypeRef(type.GetProperty("ofType")) + "]",
            _ => Name(type),
        };

    private static string Deprecation(JsonElement element)
    {
        if (!element.TryGetProperty("isDeprecated", out var deprecated) || deprecated.ValueKind != JsonValueKind.True)
        {
            return string.Empty;
        }

        var reason = element.TryGetProperty("deprecationReason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        return reason is null || reason == DefaultDeprecationReason
            ? " @deprecated"
            : " @deprecated(reason: " + JsonSerializer.Serialize(reason, PyxisSchemaJson.Default.String) + ")";
    }

    private static IEnumerable<JsonElement> Items(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string Name(JsonElement element) => element.GetProperty("name").GetString()!;
}
