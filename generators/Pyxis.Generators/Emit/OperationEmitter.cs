using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Writes one operation: its result records, request factory, readers, and the typed client method.</summary>
internal static class OperationEmitter
{
    /// <summary>The operation's file; its operation manifest <paramref name="part"/> is written into it, not appended to a copy.</summary>
    public static string Emit(OperationSpec op, ManifestPart? part = null)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {op.Namespace}");
        WriteOperationClass(w, op);
        w.Line();
        ClientMethodEmitter.Write(w, op);
        w.Close();
        if (part is not null)
        {
            ManifestEmitter.WritePart(w, part);
        }

        return w.ToString();
    }

    private static void WriteOperationClass(SourceWriter w, OperationSpec op)
    {
        w.Line(
            $"/// <summary>The <c>{op.Name}</c> {op.Kind} from <c>{System.IO.Path.GetFileName(op.SourcePath)}</c>: its text and typed results.</summary>"
        );
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public static partial class {op.ClassName}");
        w.Line("/// <summary>The operation name sent to the server.</summary>");
        w.Line($"public const string OperationName = {Names.Literal(op.Name)};");
        w.Line();
        w.Line("/// <summary>The exact document sent to the server (operation and the fragments it uses).</summary>");
        w.Line($"public const string Document = {Names.Literal(op.Document)};");
        foreach (var record in op.Records.Where(r => r.BaseRecord is null))
        {
            w.Line();
            if (record.IsAbstract)
            {
                FamilyEmitter.WriteFamily(w, record, op.Records.Where(r => r.BaseRecord == record.Name), op.TypesNamespace);
            }
            else
            {
                RecordEmitter.WriteRecord(w, record, op.TypesNamespace);
            }
        }

        w.Line();
        WriteCreateRequest(w, op);
        AliasEmitter.WriteTemplate(w, op);
        w.Line();
        w.Open("private static class Json");
        w.Line(
            $"public static Data ReadRoot(ref {TypeNames.Reader} reader) => ReadData(ref reader) ?? throw {TypeNames.Json}.Missing(\"data\");"
        );
        AliasEmitter.WriteRootFieldReader(w, op);
        foreach (var record in op.Records)
        {
            w.Line();
            if (record.IsAbstract)
            {
                FamilyEmitter.WriteReader(w, record);
            }
            else
            {
                RecordEmitter.WriteReader(w, record, op.TypesNamespace);
            }
        }

        w.Close();
        w.Close();
    }

    private static void WriteCreateRequest(SourceWriter w, OperationSpec op)
    {
        var parameters = ClientMethodEmitter.Parameters(op);
        w.Line("/// <summary>Builds the request: the document and the variables, serialized once.</summary>");
        w.OpenList($"public static {TypeNames.Runtime}.PyxisRequest<Data> CreateRequest", parameters.Select(p => p.Declaration));
        w.Line("var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();");
        w.Open($"using (var writer = new {TypeNames.Writer}(buffer))");
        w.Line("writer.WriteStartObject();");
        foreach (var (variable, declaration) in parameters)
        {
            var optional = ClientMethodEmitter.IsOptional(variable);
            var value = optional && TypeNames.IsValueType(variable.Type) ? variable.ParameterName + ".Value" : variable.ParameterName;
            var type = optional ? variable.Type with { Nullable = false } : variable.Type;
            if (optional)
            {
                // Absent and null differ in GraphQL: absent lets the server apply the argument's default.
                w.Open($"if ({variable.ParameterName} is not null)");
            }

            w.Line($"writer.WritePropertyName({Names.Literal(variable.Name)});");
            w.Line(JsonCode.Write(type, "writer", value, op.TypesNamespace));
            if (optional)
            {
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
        var check = ClientMethodEmitter.Check(op, "Data", field: false);
        w.Line(
            $"return new {TypeNames.Runtime}.PyxisRequest<Data>(OperationName, Document, buffer.WrittenMemory, Json.ReadRoot){(check is null ? "" : " { Check = AnswerCheck }")};"
        );
        w.Close();
        if (check is not null)
        {
            w.Line();
            w.Line("/// <summary>What makes an answer whole, checked inside the call (one instance for every request).</summary>");
            w.Line($"private static readonly {TypeNames.Runtime}.PyxisRootCheck<Data> AnswerCheck = {check};");
        }
    }
}
