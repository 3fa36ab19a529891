using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// The interceptor of a <c>[PyxisQueryWrapper]</c> method's call: the wrapper's own signature, calling the wrapper with
/// the lambda carried as a translated query (<c>PyxisTranslatedQuery&lt;T&gt;.Carry</c>), which the wrapper's
/// <c>QueryAsync</c> interceptor sends with <c>RunAsync</c> here.
/// </summary>
internal static class WrapperEmitter
{
    public static void Write(SourceWriter w, LambdaSpec spec, WrapperSpec wrapper, string query)
    {
        var constraints = wrapper.Constraints.Length == 0 ? string.Empty : " " + wrapper.Constraints;
        w.Open($"public static {wrapper.ReturnType} {wrapper.Name}{wrapper.TypeParameters}({wrapper.Parameters}){constraints}");
        var carried = wrapper.Variables is { } vars ? $"{vars}, {wrapper.Result}" : wrapper.Result;
        var arguments = wrapper.Arguments.Select(a =>
            a == wrapper.QueryParameter ? $"{TypeNames.Runtime}.Lambdas.PyxisTranslatedQuery<{carried}>.Carry({a}, RunAsync)" : a
        );
        w.Line($"return {wrapper.Target}({string.Join(", ", arguments)});");
        w.Close();
        w.Line();
        w.Line("/// <summary>Sends the translated query (the wrapper's QueryAsync call reaches here).</summary>");
        if (wrapper.Variables is not null)
        {
            // The variables are the ones the wrapper passes to its QueryAsync, not necessarily those its caller gave.
            w.Open(
                $"private static async global::System.Threading.Tasks.Task<TResult> RunAsync<TVars, TResult>({TypeNames.Runtime}.IPyxisClient client, TVars vars, global::System.Func<{query}, TVars, TResult> query, global::System.Threading.CancellationToken cancellationToken)"
            );
            w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
            w.Line("var answer = await client.ExecuteAsync(Request(vars, query), cancellationToken).ConfigureAwait(false);");
            w.Line("return query(answer, vars);");
            w.Close();
            return;
        }

        w.Open(
            $"private static async global::System.Threading.Tasks.Task<TResult> RunAsync<TResult>({TypeNames.Runtime}.IPyxisClient client, global::System.Func<{query}, TResult> query, global::System.Threading.CancellationToken cancellationToken)"
        );
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        w.Line(
            "var answer = await client.ExecuteAsync(Request(query, static (root, lambda) => lambda(root)), cancellationToken).ConfigureAwait(false);"
        );
        w.Line("return query(answer);");
        w.Close();
    }
}
