using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Writes the typed method users call: <c>await client.GetRepositoryByRegistryPathAsync(registry, repository)</c>.</summary>
internal static class ClientMethodEmitter
{
    /// <summary>Variables as C# parameters: required ones first, optional ones (nullable or defaulted) after with <c>= null</c>.</summary>
    public static List<(VariableSpec Variable, string Declaration)> Parameters(OperationSpec op) =>
        op
            .Variables.OrderBy(v => IsOptional(v) ? 1 : 0)
            .Select(v =>
                (
                    v,
                    IsOptional(v)
                        ? $"{TypeNames.Nullable(v.Type, op.TypesNamespace, null, input: true)} {v.ParameterName} = null"
                        : $"{TypeNames.Of(v.Type, op.TypesNamespace, null, input: true)} {v.ParameterName}"
                )
            )
            .ToList();

    /// <summary>Nullable or defaulted variables may be left out: the server then applies its default.</summary>
    public static bool IsOptional(VariableSpec variable) => variable.Type.Nullable || variable.HasDefault;

    public static void Write(SourceWriter w, OperationSpec op)
    {
        var parameters = Parameters(op);
        var (returnType, result) = Result(op, null);
        w.Line($"/// <summary>Typed client methods generated from the operations in <c>.graphql</c> files.</summary>");
        w.Open($"public static partial class {op.OperationsClass}");
        w.Doc("summary", op.RootDescription, $"Runs the <c>{op.Name}</c> {op.Kind}.");
        w.Line($"/// <remarks>The <c>{op.Name}</c> {op.Kind}: {Summary(op)}.</remarks>");
        w.Line("/// <param name=\"client\">The client that sends the request.</param>");
        foreach (var (variable, _) in parameters)
        {
            w.Doc(
                "param",
                variable.Description,
                $"The <c>${variable.Name}</c> variable.",
                $" name=\"{variable.ParameterName.TrimStart('@')}\""
            );
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        w.Line(TypeNames.GeneratedCode);
        var declarations = new[] { $"this {op.ClientType} client" }
            .Concat(parameters.Select(p => p.Declaration))
            .Concat(["global::System.Threading.CancellationToken cancellationToken = default"]);
        w.OpenList($"public static async global::System.Threading.Tasks.Task<{returnType}> {Names.Pascal(op.Name)}Async", declarations);
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        w.List($"var request = {op.ClassName}.CreateRequest", parameters.Select(p => p.Variable.ParameterName), ";");
        w.Line("var data = await client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);");
        w.Line($"return {result};");
        w.Close();
        PagingMethodEmitter.Write(w, op, parameters);
        w.Close();
    }

    /// <summary>What the typed method returns, from <c>data</c> or (for alias batches) from one root field value.</summary>
    public static (string ReturnType, string Expression) Result(OperationSpec op, string? field)
    {
        var owner = "global::" + op.Namespace + "." + op.ClassName;
        if (op.Envelope is not { } envelope)
        {
            var rootField = op.Records[0].Properties[0];
            return (
                owner + ".Data",
                field is null
                    ? "data"
                    : $"new {owner}.Data({JsonCode.Required(rootField.Type, field, op.Records[0].SchemaType + "." + rootField.ResponseKey)})"
            );
        }

        // The call has checked the envelope (PyxisRootCheck): what is left is unwrapping it, 404 as null.
        var root = field ?? "data." + envelope.RootProperty;
        if (envelope.IsPage)
        {
            return (owner + "." + envelope.EnvelopeRecord, $"{TypeNames.Runtime}.PyxisEnvelope.Page({root})");
        }

        var dataType = TypeNames.Nullable(envelope.DataType, op.TypesNamespace, owner, input: false);
        return (dataType, $"{TypeNames.Runtime}.PyxisEnvelope.Entity({root})?.{envelope.DataProperty}");
    }

    /// <summary>
    /// The operation's <c>PyxisRootCheck</c>, run inside the call: its envelope (an error fails the call with the call's
    /// status and trace id), or the nullable root fields that must have come for the answer to enter the result cache.
    /// Null when there is nothing to check. <paramref name="field"/> names the value checked (the alias template's root field).
    /// </summary>
    public static string? Check(OperationSpec op, string type, bool field)
    {
        var check = $"{TypeNames.Runtime}.PyxisRootCheck<{type}>";
        if (op.Envelope is { } envelope)
        {
            var select = field ? "static field => field" : $"static data => data.{envelope.RootProperty}";
            return $"{check}.{(envelope.IsPage ? "Page" : "Entity")}({select})";
        }

        var nullable = op.Records[0].Properties.Where(p => p.Type.Nullable).Select(p => $"data.{p.Name} is not null").ToList();
        return field || nullable.Count == 0 ? null : $"{check}.Present(static data => {string.Join(" && ", nullable)})";
    }

    private static string Summary(OperationSpec op) =>
        op.Envelope switch
        {
            null => "returns the whole result",
            { IsPage: true } => "returns the page; a Pyxis error envelope throws PyxisException",
            _ => "returns the entity, or null when Pyxis answers 404; other Pyxis errors throw PyxisException",
        };
}
