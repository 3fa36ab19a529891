using System.Text;
using System.Text.Json;

namespace Pyxis.Client.SchemaPull;

/// <summary>Prints an introspection result as SDL, in the server's type order, without built-in scalars and directives.</summary>
internal static class SdlPrinter
{
    private static readonly HashSet<string> BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];
    private static readonly HashSet<string> BuiltInDirectives = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];

    public static string Print(JsonElement schema)
    {
        var sdl = new StringBuilder();
        foreach (var directive in schema.GetProperty("directives").EnumerateArray().Where(d => !BuiltInDirectives.Contains(Name(d))))
        {
            Describe(sdl, directive, string.Empty);
            sdl.Append("directive @")
                .Append(Name(directive))
                .Append(Arguments(directive.GetProperty("args")))
                .Append(" on ")
                .Append(string.Join(" | ", directive.GetProperty("locations").EnumerateArray().Select(l => l.GetString())))
                .Append("\n\n");
        }

        foreach (
            var type in schema
                .GetProperty("types")
                .EnumerateArray()
                .Where(t => !Name(t).StartsWith("__", StringComparison.Ordinal) && !BuiltInScalars.Contains(Name(t)))
        )
        {
            PrintType(sdl, type);
            sdl.Append('\n');
        }

        return sdl.ToString().TrimEnd() + "\n";
    }

    private static void PrintType(StringBuilder sdl, JsonElement type)
    {
        var name = Name(type);
        Describe(sdl, type, string.Empty);
        switch (type.GetProperty("kind").GetString())
        {
            case "SCALAR":
                sdl.Append("scalar ").Append(name).Append('\n');
                return;
            case "UNION":
                sdl.Append("union ")
                    .Append(name)
                    .Append(" = ")
                    .Append(string.Join(" | ", type.GetProperty("possibleTypes").EnumerateArray().Select(Name)))
                    .Append('\n');
                return;
            case "ENUM":
                sdl.Append("enum ").Append(name).Append(" {\n");
                foreach (var value in type.GetProperty("enumValues").EnumerateArray())
                {
                    Describe(sdl, value, "  ");
                    sdl.Append("  ").Append(Name(value)).Append(Deprecation(value)).Append('\n');
                }

                break;
            case "INPUT_OBJECT":
                sdl.Append("input ").Append(name).Append(" {\n");
                foreach (var field in type.GetProperty("inputFields").EnumerateArray())
                {
                    Describe(sdl, field, "  ");
                    sdl.Append("  ").Append(InputValue(field)).Append('\n');
                }

                break;
            default:
                var keyword = type.GetProperty("kind").GetString() == "INTERFACE" ? "interface " : "type ";
                var interfaces =
                    type.TryGetProperty("interfaces", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                        ? " implements " + string.Join(" & ", list.EnumerateArray().Select(Name))
                        : string.Empty;
                sdl.Append(keyword).Append(name).Append(interfaces).Append(" {\n");
                foreach (var field in type.GetProperty("fields").EnumerateArray())
                {
                    Describe(sdl, field, "  ");
                    sdl.Append("  ")
                        .Append(Name(field))
                        .Append(Arguments(field.GetProperty("args")))
                        .Append(": ")
                        .Append(TypeRef(field.GetProperty("type")))
                        .Append(Deprecation(field))
                        .Append('\n');
                }

                break;
        }

        sdl.Append("}\n");
    }

    // Arguments with descriptions go one per line, each under its own description, as graphql-js prints them.
    private static string Arguments(JsonElement args)
    {
        if (args.GetArrayLength() == 0)
        {
            return string.Empty;
        }

        if (!args.EnumerateArray().Any(a => Description(a) is not null))
        {
            return "(" + string.Join(", ", args.EnumerateArray().Select(InputValue)) + ")";
        }

        var text = new StringBuilder("(\n");
        foreach (var arg in args.EnumerateArray())
        {
            Describe(text, arg, "    ");
            text.Append("    ").Append(InputValue(arg)).Append('\n');
        }

        return text.Append("  )").ToString();
    }

    private static string InputValue(JsonElement value)
    {
        var text = Name(value) + ": " + TypeRef(value.GetProperty("type"));
        text =
            value.TryGetProperty("defaultValue", out var fallback) && fallback.ValueKind == JsonValueKind.String
                ? text + " = " + fallback.GetString()
                : text;
        return text + Deprecation(value);
    }

    private static void Describe(StringBuilder sdl, JsonElement element, string indent)
    {
        if (Description(element) is not { } description)
        {
            return;
        }

        var lines = description.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 1)
        {
            sdl.Append(indent).Append("\"\"\"").Append(lines[0]).Append("\"\"\"\n");
            return;
        }

        sdl.Append(indent).Append("\"\"\"\n");
        foreach (var line in lines)
        {
            sdl.Append(line.Length == 0 ? string.Empty : indent + line).Append('\n');
        }

        sdl.Append(indent).Append("\"\"\"\n");
    }

    private static string? Description(JsonElement element) =>
        element.TryGetProperty("description", out var description)
        && description.ValueKind == JsonValueKind.String
        && description.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static string TypeRef(JsonElement type) =>
        type.GetProperty("kind").GetString() switch
        {
            "NON_NULL" => TypeRef(type.GetProperty("ofType")) + "!",
            "LIST" => "[" + TypeRef(type.GetProperty("ofType")) + "]",
            _ => Name(type),
        };

    private static string Deprecation(JsonElement element) =>
        element.TryGetProperty("isDeprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True
            ? " @deprecated(reason: "
                + JsonSerializer.Serialize(
                    element.GetProperty("deprecationReason").GetString() ?? "No longer supported",
                    PyxisSchemaJson.Default.String
                )
                + ")"
            : string.Empty;

    private static string Name(JsonElement element) => element.GetProperty("name").GetString()!;
}
