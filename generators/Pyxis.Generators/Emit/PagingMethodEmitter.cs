using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Writes <c>{Operation}AllAsync</c>: every item of a paginated operation as one stream.</summary>
internal static class PagingMethodEmitter
{
    public static void Write(SourceWriter w, OperationSpec op, List<(VariableSpec Variable, string Declaration)> parameters)
    {
        if (op.Envelope is not { Paging: { } paging } envelope)
        {
            return;
        }

        var page = parameters.First(p => p.Variable.Name == paging.PageVariable).Variable;
        var pageSize = parameters.First(p => p.Variable.Name == paging.PageSizeVariable).Variable;
        var others = parameters.Where(p => p.Variable != page && p.Variable != pageSize).ToList();
        var owner = "global::" + op.Namespace + "." + op.ClassName;
        var item = TypeNames.Of(envelope.DataType.Item!, op.TypesNamespace, owner, input: false);

        w.Line();
        w.Line(
            $"/// <summary>Streams every item of the <c>{op.Name}</c> {op.Kind}, page after page. {(paging.TotalProperty is null ? "Without <c>total</c>, pages are read one by one until a short page." : "The first page tells the total; the remaining pages are fetched concurrently.")}</summary>"
        );
        w.Line("/// <param name=\"client\">The client that sends the requests.</param>");
        foreach (var (variable, _) in others)
        {
            w.Line($"/// <param name=\"{variable.ParameterName.TrimStart('@')}\">The <c>${variable.Name}</c> variable.</param>");
        }

        w.Line(
            $"/// <param name=\"{pageSize.ParameterName.TrimStart('@')}\">Items per page (<c>${pageSize.Name}</c>); smaller pages are asked when Pyxis answers a page as too big.</param>"
        );
        w.Line("/// <param name=\"paging\">Concurrency and ordering of page requests.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the outstanding page requests.</param>");
        w.Line(TypeNames.GeneratedCode);
        var declarations = new[] { $"this {op.ClientType} client" }
            .Concat(others.Select(p => p.Declaration))
            .Concat([
                $"int {pageSize.ParameterName} = 200",
                $"{TypeNames.Runtime}.PyxisPaging? paging = null",
                "global::System.Threading.CancellationToken cancellationToken = default",
            ]);
        w.OpenList(
            $"public static global::System.Collections.Generic.IAsyncEnumerable<{item}> {Names.Pascal(op.Name)}AllAsync",
            declarations
        );
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        var arguments = others
            .Select(p => $"{p.Variable.ParameterName}: {p.Variable.ParameterName}")
            .Concat([$"{page.ParameterName}: pageAt.Index", $"{pageSize.ParameterName}: pageAt.Size", "cancellationToken: pageToken"]);
        w.Line($"return {TypeNames.Runtime}.PyxisPagination.StreamAsync(");
        w.Line("    client,");
        // The page, its size and the client to send it through come from the stream: a page that can still shrink goes
        // through a client that does not retry a too-big answer at the same size.
        w.Line(
            $"    ({op.ClientType} pageClient, {TypeNames.Runtime}.Lambdas.PyxisPage pageAt, global::System.Threading.CancellationToken pageToken) => {Names.Pascal(op.Name)}Async(pageClient, {string.Join(", ", arguments)}),"
        );
        w.Line($"    static page => page.{envelope.DataProperty},");
        w.Line(paging.TotalProperty is null ? "    null," : $"    static page => page.{paging.TotalProperty},");
        w.Line($"    {pageSize.ParameterName},");
        w.Line("    paging,");
        w.Line("    cancellationToken);");
        w.Close();
    }
}
