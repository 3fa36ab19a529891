using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Writes the input objects and enums the operations need, each once per compilation.</summary>
internal static class SharedTypesEmitter
{
    public static string EmitInput(SharedTypesSpec shared, InputTypeSpec input)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {shared.Namespace}");
        w.Doc("summary", input.Description, $"The <c>{input.SchemaType}</c> input.");
        w.Line("/// <remarks>Unset (null) fields are left out of the request, unless <c>ExplicitNulls</c> names them.</remarks>");
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public sealed partial record {input.Name} : {TypeNames.Runtime}.Serialization.IPyxisInputValue");
        foreach (var field in input.Fields)
        {
            w.Member(field.Docs, $"The <c>{field.WireName}</c> field.");

            w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({Names.Literal(field.WireName)})]");
            w.Line($"public {TypeNames.Nullable(field.Type, shared.Namespace, null, input: true)} {field.Name} {{ get; init; }}");
            w.Line();
        }

        var nulls = ExplicitNullsName(input);
        w.Line("/// <summary>");
        w.Line($"/// Properties (by C# name) sent as an explicit <c>null</c>, to clear them: <c>{nulls} = [nameof({input.Name}.X)]</c>.");
        w.Line("/// Every other null property is left out, so the server's default applies.");
        w.Line("/// </summary>");
        w.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
        w.Line($"public global::System.Collections.Generic.IReadOnlyCollection<string>? {nulls} {{ get; init; }}");
        w.Line();
        w.Open($"void {TypeNames.Runtime}.Serialization.IPyxisInputValue.WriteTo({TypeNames.Writer} writer)");
        WriteNullsCheck(w, input, nulls);
        w.Line("writer.WriteStartObject();");
        foreach (var field in input.Fields)
        {
            var value = TypeNames.IsValueType(field.Type) ? field.Name + ".Value" : field.Name;
            w.Open($"if ({field.Name} is not null)");
            w.Line($"writer.WritePropertyName({Names.Literal(field.WireName)});");
            w.Line(JsonCode.Write(field.Type with { Nullable = false }, "writer", value, shared.Namespace));
            w.Close();
            w.Open($"else if ({Nulls}.Contains({nulls}, {Names.Literal(field.Name)}))");
            w.Line($"writer.WriteNull({Names.Literal(field.WireName)});");
            w.Close();
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    private const string Nulls = TypeNames.Runtime + ".Serialization.PyxisExplicitNulls";

    // A schema field that would take the name keeps it; the list moves aside.
    private static string ExplicitNullsName(InputTypeSpec input) =>
        input.Fields.Any(f => f.Name == "ExplicitNulls") ? "PyxisExplicitNulls" : "ExplicitNulls";

    private static void WriteNullsCheck(SourceWriter w, InputTypeSpec input, string nulls)
    {
        if (input.Fields.Count == 0)
        {
            return;
        }

        w.Open($"if ({nulls} is {{ Count: > 0 }} nulls)");
        w.Line($"{Nulls}.Check(");
        w.Line("    nulls,");
        w.Line($"    {Names.Literal(input.SchemaType)},");
        w.Line("    [");
        foreach (var field in input.Fields)
        {
            w.Line($"        ({Names.Literal(field.Name)}, {field.Name} is not null),");
        }

        w.Line("    ]");
        w.Line(");");
        w.Close();
    }

    // A struct, not a C# enum: Pyxis adds values over time, and a value this SDK does not know must survive a
    // response (readable, comparable) and go back to the server as it came.
    public static string EmitEnum(SharedTypesSpec shared, EnumSpec spec)
    {
        var name = spec.Name;
        var w = new SourceWriter().Header();
        w.Open($"namespace {shared.Namespace}");
        w.Doc("summary", spec.Description, $"The <c>{spec.SchemaType}</c> enum.");
        w.Line("/// <remarks>");
        w.Line("/// One static value per value the schema names. A value the server adds later is kept as it came");
        w.Line("/// (<see cref=\"IsKnown\"/> is false) and sent back unchanged.");
        w.Line("/// </remarks>");
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public readonly struct {name} : global::System.IEquatable<{name}>");
        w.Line("private readonly string? wire;");
        w.Line();
        w.Line($"private {name}(string wire) => this.wire = wire;");
        foreach (var member in spec.Members)
        {
            w.Line();
            w.Member(member.Docs, $"<c>{member.WireName}</c>");

            w.Line($"public static {name} {member.Name} {{ get; }} = new({Names.Literal(member.WireName)});");
        }

        w.Line();
        w.Line("/// <summary>The value as GraphQL spells it (empty for <c>default</c>).</summary>");
        w.Line("public string WireValue => wire ?? string.Empty;");
        w.Line();
        w.Line("/// <summary>Whether the value is one the schema this code was generated from names.</summary>");
        w.Line(
            spec.Members.Count == 0
                ? "public bool IsKnown => false;"
                : $"public bool IsKnown => wire is {string.Join(" or ", spec.Members.Select(m => Names.Literal(m.WireName)))};"
        );
        w.Line();
        w.Line("/// <summary>The value for a GraphQL spelling; an unknown spelling is kept as it is.</summary>");
        w.Open($"public static {name} FromWire(string value) => value switch");
        foreach (var member in spec.Members)
        {
            w.Line($"{Names.Literal(member.WireName)} => {member.Name},");
        }

        w.Line($"_ => new {name}(value ?? throw new global::System.ArgumentNullException(nameof(value))),");
        w.Close(";");
        w.Line();
        w.Line($"/// <summary>Whether both are the same spelling.</summary>");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.Line($"/// <summary>Whether the spellings differ.</summary>");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public bool Equals({name} other) => string.Equals(WireValue, other.WireValue, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(WireValue);");
        w.Line();
        w.Line("/// <summary>The GraphQL spelling.</summary>");
        w.Line("public override string ToString() => WireValue;");
        w.Close();
        w.Line();
        w.Line(
            $"/// <summary>Converts <see cref=\"{name}\"/> to and from its GraphQL spelling (the generated readers and writers call it).</summary>"
        );
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public static class {name}Wire");
        w.Line("/// <summary>The GraphQL spelling of a value.</summary>");
        w.Line($"public static string ToWire({name} value) => value.WireValue;");
        w.Line();
        w.Line("/// <summary>The value for a GraphQL spelling; never null, since unknown values are kept.</summary>");
        w.Line($"public static {name}? TryParse(string value) => {name}.FromWire(value);");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
