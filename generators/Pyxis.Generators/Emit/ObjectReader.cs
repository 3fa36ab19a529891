using System.Collections.Generic;
using System.Globalization;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// The body every generated object reader shares: null check, one local per property, a loop that reads the
/// properties it knows by their response keys and skips the rest (fields a newer server adds are ignored). A key it
/// knows that arrives twice is refused, not overwritten: a bit per key in <c>ulong</c> masks, so no allocation.
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

        DeclareSeen(w, properties.Count);
        w.Open("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        var keyword = "if";
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var path = schemaType + "." + p.ResponseKey;
            w.Open($"{keyword} (reader.ValueTextEquals({Names.Literal(p.ResponseKey)}u8))");
            MarkSeen(w, i, path);
            w.Line("reader.Read();");
            w.Line($"v{i} = {JsonCode.Read(p.Type, "reader", path, ns)};");
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

    /// <summary>Declares the masks of keys already read: one <c>ulong</c> per 64 keys.</summary>
    public static void DeclareSeen(SourceWriter w, int keys)
    {
        for (var mask = 0; mask * 64 < keys; mask++)
        {
            w.Line($"ulong seen{mask} = 0;");
        }
    }

    /// <summary>Marks key <paramref name="index"/> as read, refusing it when it was read before in the same object.</summary>
    public static void MarkSeen(SourceWriter w, int index, string path) =>
        w.Line(
            $"{TypeNames.Json}.MarkSeen(ref seen{index / 64}, 1UL << {(index % 64).ToString(CultureInfo.InvariantCulture)}, {Names.Literal(path)});"
        );
}
