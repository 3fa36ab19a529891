using System.Collections.Generic;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// The body every generated object reader shares: null check, one local per property, a loop that reads the
/// properties it knows by their response keys and skips the rest (fields a newer server adds are ignored).
/// </summary>
internal static class ObjectReader
{
    /// <summary>
    /// Writes up to the end of the loop; the caller constructs the value from locals <c>v0…vN</c>. Object types are
    /// qualified with <paramref name="owner"/> (null: they are in scope unqualified).
    /// </summary>
    public static void WriteBody(SourceWriter w, IReadOnlyList<PropertySpec> properties, string schemaType, string ns, string? owner = null)
    {
        w.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)");
        w.Line("return null;");
        w.Close();
        w.Line($"{TypeNames.Json}.ExpectObject(ref reader, {Names.Literal(schemaType)});");
        for (var i = 0; i < properties.Count; i++)
        {
            w.Line($"{TypeNames.Nullable(properties[i].Type, ns, owner, input: false)} v{i} = default;");
        }

        w.Open("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        var keyword = "if";
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            w.Open($"{keyword} (reader.ValueTextEquals({Names.Literal(p.ResponseKey)}u8))");
            w.Line("reader.Read();");
            w.Line($"v{i} = {JsonCode.Read(p.Type, "reader", schemaType + "." + p.ResponseKey, ns)};");
            w.Close();
            keyword = "else if";
        }

        if (properties.Count > 0)
        {
            w.Open("else");
        }

        w.Line("reader.Read();");
        w.Line("reader.Skip();");
        if (properties.Count > 0)
        {
            w.Close();
        }

        w.Close();
    }
}
