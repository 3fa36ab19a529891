using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Writes the input objects and enums the operations need, each once per compilation.</summary>
internal static class SharedTypesEmitter
{
    public static string EmitInput(SharedTypesSpec shared, InputTypeSpec input)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {shared.Namespace}");
        w.Line($"/// <summary>The <c>{input.SchemaType}</c> input. Unset (null) fields are left out of the request.</summary>");
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public sealed partial record {input.Name} : {TypeNames.Runtime}.Serialization.IPyxisInputValue");
        foreach (var field in input.Fields)
        {
            w.Line($"/// <summary>The <c>{field.WireName}</c> field.</summary>");
            w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({Names.Literal(field.WireName)})]");
            w.Line($"public {TypeNames.Nullable(field.Type, shared.Namespace, null, input: true)} {field.Name} {{ get; init; }}");
            w.Line();
        }

        w.Open($"void {TypeNames.Runtime}.Serialization.IPyxisInputValue.WriteTo({TypeNames.Writer} writer)");
        w.Line("writer.WriteStartObject();");
        foreach (var field in input.Fields)
        {
            var value = TypeNames.IsValueType(field.Type) ? field.Name + ".Value" : field.Name;
            w.Open($"if ({field.Name} is not null)");
            w.Line($"writer.WritePropertyName({Names.Literal(field.WireName)});");
            w.Line(JsonCode.Write(field.Type with { Nullable = false }, "writer", value, shared.Namespace));
            w.Close();
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    public static string EmitEnum(SharedTypesSpec shared, EnumSpec spec)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {shared.Namespace}");
        w.Line($"/// <summary>The <c>{spec.SchemaType}</c> enum.</summary>");
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public enum {spec.Name}");
        foreach (var member in spec.Members)
        {
            w.Line($"/// <summary><c>{member.WireName}</c></summary>");
            w.Line($"{member.Name},");
        }

        w.Close();
        w.Line();
        w.Line($"/// <summary>Converts <see cref=\"{spec.Name}\"/> to and from its GraphQL spelling.</summary>");
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public static class {spec.Name}Wire");
        w.Line("/// <summary>The GraphQL spelling of a value.</summary>");
        w.Open($"public static string ToWire({spec.Name} value) => value switch");
        foreach (var member in spec.Members)
        {
            w.Line($"{spec.Name}.{member.Name} => {Names.Literal(member.WireName)},");
        }

        w.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a {spec.SchemaType} value.\"),");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>The value for a GraphQL spelling, or null when the server sent a value this SDK does not know.</summary>");
        w.Open($"public static {spec.Name}? TryParse(string value) => value switch");
        foreach (var member in spec.Members)
        {
            w.Line($"{Names.Literal(member.WireName)} => {spec.Name}.{member.Name},");
        }

        w.Line("_ => null,");
        w.Close(";");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
