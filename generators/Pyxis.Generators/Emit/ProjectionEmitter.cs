using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// Writes a lambda query's projection (<see cref="LambdaNodeSpec"/>): per selected object a private class deriving from
/// the surface class with only the selected fields stored, and a reader filling it that skips every other key.
/// </summary>
internal static class ProjectionEmitter
{
    public static void Write(SourceWriter w, LambdaSpec spec)
    {
        var owner = "global::" + spec.SurfaceNamespace;
        foreach (var node in spec.Nodes)
        {
            w.Line();
            if (node.IsAbstract)
            {
                WriteAbstractReader(w, node, owner);
                continue;
            }

            WriteClass(w, node, spec.TypesNamespace, owner);
            w.Line();
            w.Open($"private static {owner}.{node.SurfaceClass}? Read{node.Name}(ref {TypeNames.Reader} reader)");
            ObjectReader.WriteBody(w, node.Properties, node.SchemaType, spec.TypesNamespace, owner);
            w.Line(
                $"return new {node.Name}{(node.Properties.Count == 0 ? "()" : " { " + string.Join(", ", node.Properties.Select((p, i) => $"p{i} = v{i}")) + " }")};"
            );
            w.Close();
        }
    }

    private static void WriteClass(SourceWriter w, LambdaNodeSpec node, string ns, string owner)
    {
        // An object that selects a Pyxis envelope's error says so to the runtime, which keeps such an answer out of the
        // result cache (whether it is a 404 is not known here, so none is kept: asked again, never replayed wrongly).
        var error = node.Properties.ToList().FindIndex(p => p.ResponseKey == "error" && p.Method is null);
        w.Line($"/// <summary>A <c>{node.SchemaType}</c> with the fields this lambda selects.</summary>");
        w.Open(
            $"private sealed class {node.Name} : {owner}.{node.SurfaceClass}{(error < 0 ? "" : $", {TypeNames.Runtime}.IPyxisEnvelope")}"
        );
        if (error >= 0)
        {
            w.Line($"bool {TypeNames.Runtime}.IPyxisEnvelope.HasError => p{error} is not null;");
            w.Line($"int? {TypeNames.Runtime}.IPyxisEnvelope.ErrorStatus => null;");
            w.Line($"string? {TypeNames.Runtime}.IPyxisEnvelope.ErrorDetail => null;");
        }

        for (var i = 0; i < node.Properties.Count; i++)
        {
            var property = node.Properties[i];
            w.Line($"internal {TypeNames.Nullable(property.Type, ns, owner, input: false)} p{i};");
            if (property.Method is { } method)
            {
                // The arguments were sent as constants at build time; a null value gives default, as a null root field does.
                w.List(
                    $"public override TResult {property.Name}<TResult>",
                    SurfaceEmitter.FieldMethodParameters(ns, owner, method, defaults: false)
                );
                w.Line($"    => p{i} is {{ }} pyxisValue ? select(pyxisValue) : default!;");
                continue;
            }

            w.Line($"public override {TypeNames.Of(property.Type, ns, owner, input: false)} {property.Name} => p{i};");
        }

        w.Close();
    }

    // A union or interface: __typename picks the node; a type the lambda does not narrow to is skipped, and its value
    // throws when read rather than reading as null.
    private static void WriteAbstractReader(SourceWriter w, LambdaNodeSpec node, string owner)
    {
        var type = $"{owner}.{node.SurfaceClass}";
        w.Open($"private static {type}? Read{node.Name}(ref {TypeNames.Reader} reader)");
        w.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)");
        w.Line("return null;");
        w.Close();
        w.Line($"var typename = {TypeNames.Json}.PeekTypename(reader, {Names.Literal(node.SchemaType)});");
        w.Open("object? value = typename switch");
        foreach (var variant in node.Variants)
        {
            w.Line($"{Names.Literal(variant.SchemaType)} => {variant.RecordName}(ref reader),");
        }

        w.Line("_ => null,");
        w.Close(";");
        w.Open("if (value is null)");
        w.Line("reader.Skip();");
        w.Line($"return {type}.NotNarrowedTo(typename);");
        w.Close();
        w.Line();
        w.Line($"return new {type} {{ Typename = typename, Value = value }};");
        w.Close();
    }
}
