using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// Writes a union or interface result as a closed family: an abstract record with a private constructor, one nested
/// sealed record per object type the operation narrows to, and <c>Other</c> for types it does not name (or the server
/// adds later), chosen by <c>__typename</c>.
/// </summary>
internal static class FamilyEmitter
{
    public static void WriteFamily(SourceWriter w, RecordSpec family, IEnumerable<RecordSpec> variants, string ns)
    {
        var named = family.Variants.Where(v => v.SchemaType.Length > 0).Select(v => $"<see cref=\"{v.RecordName}\"/>");
        w.Doc("summary", family.Description, $"The selected fields of <c>{family.SchemaType}</c>.");
        w.Line(
            $"/// <remarks>One of: {string.Join(", ", named.Append($"<see cref=\"{family.Name}.Other\"/> (any other type, with its <c>__typename</c>)"))}.</remarks>"
        );
        w.Open($"public abstract partial record {family.Name}");
        var parameters = family.Properties.Select((p, i) => $"{TypeNames.Of(p.Type, ns, null, input: false)} p{i}");
        w.OpenList($"private {family.Name}", parameters);
        for (var i = 0; i < family.Properties.Count; i++)
        {
            w.Line($"{family.Properties[i].Name} = p{i};");
        }

        w.Close();
        foreach (var p in family.Properties)
        {
            w.Line();
            w.Member(p.Docs, $"The <c>{p.ResponseKey}</c> field.");

            w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({Names.Literal(p.ResponseKey)})]");
            w.Line($"public {TypeNames.Of(p.Type, ns, null, input: false)} {p.Name} {{ get; init; }}");
        }

        foreach (var variant in variants)
        {
            w.Line();
            RecordEmitter.WriteRecord(w, variant, ns);
        }

        w.Close();
    }

    // __typename is read ahead with a copy of the reader (a struct), so the chosen record reads the object as usual.
    public static void WriteReader(SourceWriter w, RecordSpec family)
    {
        w.Open($"internal static {family.Name}? Read{family.ReaderName}(ref {TypeNames.Reader} reader)");
        w.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)");
        w.Line("return null;");
        w.Close();
        w.Open($"return {TypeNames.Json}.PeekTypename(reader, {Names.Literal(family.SchemaType)}) switch");
        foreach (var variant in family.Variants.Where(v => v.SchemaType.Length > 0))
        {
            w.Line($"{Names.Literal(variant.SchemaType)} => Read{variant.RecordName.Replace(".", string.Empty)}(ref reader),");
        }

        w.Line($"_ => Read{family.ReaderName}Other(ref reader),");
        w.Close(";");
        w.Close();
    }
}
