using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// Writes <c>Aliased</c>: the operation's single root field as a template that the runtime repeats under
/// aliases (<c>r0: …, r1: …</c>) to send many lookups in one request.
/// </summary>
internal static class AliasEmitter
{
    public static void WriteTemplate(SourceWriter w, OperationSpec op)
    {
        if (op.Alias is not { } alias)
        {
            return;
        }

        var fieldType = FieldType(op);
        var (result, expression) = ClientMethodEmitter.Result(op, "field");
        w.Line();
        w.Line(
            "/// <summary>This query's root field as an alias template: many lookups in one request (see <c>PyxisAliasBatch</c>).</summary>"
        );
        w.Line($"public static readonly {TypeNames.Runtime}.Batching.PyxisAliasTemplate<{fieldType}, {result}> Aliased = new(");
        w.Line("    OperationName,");
        w.Line($"    new string[] {{ {string.Join(", ", alias.Variables.Select(v => Names.Literal(v.Name)))} }},");
        w.Line($"    new string[] {{ {string.Join(", ", alias.Variables.Select(v => Names.Literal(v.TypeText)))} }},");
        w.Line($"    {Names.Literal(alias.FieldTemplate)},");
        w.Line($"    {Names.Literal(alias.Fragments)},");
        w.Line("    Json.ReadRootField,");
        var check = ClientMethodEmitter.Check(op, fieldType, field: true);
        w.Line($"    static (request, field) => {expression}{(check is null ? ");" : ",")}");
        if (check is not null)
        {
            w.Line($"    {check});");
        }
    }

    public static void WriteRootFieldReader(SourceWriter w, OperationSpec op)
    {
        if (op.Alias is null)
        {
            return;
        }

        var root = op.Records[0].Properties[0];
        w.Line();
        w.Line(
            $"public static {FieldType(op)} ReadRootField(ref {TypeNames.Reader} reader) => {JsonCode.Read(root.Type, "reader", op.Records[0].SchemaType + "." + root.ResponseKey, op.TypesNamespace)};"
        );
    }

    private static string FieldType(OperationSpec op) =>
        TypeNames.Nullable(
            op.Records[0].Properties[0].Type,
            op.TypesNamespace,
            "global::" + op.Namespace + "." + op.ClassName,
            input: false
        );
}
