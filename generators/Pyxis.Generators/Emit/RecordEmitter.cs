using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Writes one immutable result record and its reader.</summary>
internal static class RecordEmitter
{
    public static void WriteRecord(SourceWriter w, RecordSpec record, string ns)
    {
        w.Doc("summary", record.Description, $"The selected fields of <c>{record.SchemaType}</c>.");
        foreach (var p in record.Properties)
        {
            w.Doc("param", p.Docs.Description, $"The <c>{p.ResponseKey}</c> field.", $" name=\"{p.Name}\"");
        }

        // A variant's first parameters are its base's properties: passed on, not declared again.
        var parameters = record
            .Properties.Select(
                (p, i) =>
                    (
                        i < record.BaseArity
                            ? string.Empty
                            : SourceWriter.Obsolete(p.Docs, "property: ")
                                + $"[property: global::System.Text.Json.Serialization.JsonPropertyName({Names.Literal(p.ResponseKey)})] "
                    ) + $"{TypeNames.Of(p.Type, ns, null, input: false)} {p.Name}"
            )
            .ToList();
        var bases = record.Interfaces.Select(i => i.FullName).ToList();
        if (record.BaseRecord is not null)
        {
            bases.Insert(0, $"{record.BaseRecord}({string.Join(", ", record.Properties.Take(record.BaseArity).Select(p => p.Name))})");
        }

        if (record.EnvelopeError is not null)
        {
            bases.Add(TypeNames.Runtime + ".IPyxisEnvelope");
        }

        var head = $"public sealed partial record {record.ShortName}";
        if (bases.Count == 0)
        {
            w.List(head, parameters, ";", split: true);
            return;
        }

        w.OpenList(head, parameters, " : " + string.Join(", ", bases), split: true);
        foreach (var implemented in record.Interfaces)
        {
            WriteInterfaceMembers(w, implemented, ns);
        }

        if (record.EnvelopeError is not null)
        {
            w.Line($"bool {TypeNames.Runtime}.IPyxisEnvelope.HasError => {record.EnvelopeError} is not null;");
            w.Line(
                $"int? {TypeNames.Runtime}.IPyxisEnvelope.ErrorStatus => {(record.EnvelopeStatus is null ? "null" : record.EnvelopeError + "?." + record.EnvelopeStatus)};"
            );
            w.Line(
                $"string? {TypeNames.Runtime}.IPyxisEnvelope.ErrorDetail => {(record.EnvelopeDetail is null ? "null" : record.EnvelopeError + "?." + record.EnvelopeDetail)};"
            );
        }

        w.Close();
    }

    // Explicit implementations: the record keeps its own names and concrete types; the interface sees read-only
    // lists of interfaces, which C# converts to through covariance.
    private static void WriteInterfaceMembers(SourceWriter w, RecordInterfaceSpec implemented, string ns)
    {
        for (var i = 0; i < implemented.Interface.Properties.Count; i++)
        {
            var property = implemented.Interface.Properties[i];
            w.Line(
                $"{TypeNames.OfInterface(property.Type, ns, implemented.FullName)} {implemented.FullName}.{property.Name} => {implemented.RecordProperties[i]};"
            );
        }
    }

    public static void WriteReader(SourceWriter w, RecordSpec record, string ns)
    {
        w.Open($"internal static {record.Name}? Read{record.ReaderName}(ref {TypeNames.Reader} reader)");
        ObjectReader.WriteBody(w, record.Properties, record.SchemaType, ns);
        var args = record.Properties.Select((p, i) => JsonCode.Required(p.Type, "v" + i, record.SchemaType + "." + p.ResponseKey));
        w.List($"return new {record.Name}", args, ";");
        w.Close();
    }
}
