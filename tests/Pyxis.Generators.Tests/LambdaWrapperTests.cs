using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>
/// Wrappers of the user's own around <c>QueryAsync</c> (issue 16 item 3): marked <c>[PyxisQueryWrapper]</c>, their
/// callers' lambdas are translated, with or without a variables object; what cannot be carried is PYX117 saying what to do.
/// </summary>
public sealed class LambdaWrapperTests
{
    private const string Wrappers = """
            [PyxisQueryWrapper]
            public static async Task<T> Logged<T>(this IPyxisClient client, Func<PyxisQuery, T> query, string tag, System.Threading.CancellationToken ct = default)
            {
                Console.WriteLine(tag);
                return await client.QueryAsync(query, ct);
            }

            [PyxisQueryWrapper]
            public static Task<T> Twice<T>(IPyxisClient client, Func<PyxisQuery, T> query) => Logged(client, query, "again");

            [PyxisQueryWrapper]
            private static Task<T> Hidden<T>(IPyxisClient client, Func<PyxisQuery, T> query) => client.QueryAsync(query);

            [PyxisQueryWrapper]
            public static Task<T> Untyped<T>(IPyxisClient client, Func<object, T> query) => Task.FromResult(query(1));

            [PyxisQueryWrapper]
            public static async Task<T> Audited<TVars, T>(this IPyxisClient client, TVars vars, Func<PyxisQuery, TVars, T> query)
            {
                Console.WriteLine(vars);
                return await client.QueryAsync(vars, query);
            }

            [PyxisQueryWrapper]
            public static Task<T> ForV<T>(IPyxisClient client, Func<PyxisQuery, V, T> query) => Audited(client, new V(), query);
        """;

    private const string Paged = """
            [PyxisQueryWrapper]
            public static System.Collections.Generic.IAsyncEnumerable<T> Paged<TVars, T>(IPyxisClient client, TVars vars, Func<PyxisQuery, TVars, PyxisPage, System.Collections.Generic.IEnumerable<T>?> query) =>
                client.QueryAllAsync(vars, query);
        """;

    [Fact]
    public void A_wrapper_passing_its_query_to_QueryAllAsync_is_PYX117_at_that_call_and_nowhere_else()
    {
        var source = LambdaFormsTests.Program(
            "await foreach (var _ in Paged(client, new V(), static (q, v, page) => q.FindRepositories(null, page.Index, page.Size, null, p => p.Data!.Select(x => x!.Id)))) { }",
            Paged
        );
        var output = LambdaFormsTests.Run(source);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX117", diagnostic.Id);
        Assert.Contains(
            "'Paged' cannot be intercepted as a query wrapper: it passes its query on to QueryAllAsync, which chooses a page or an input per request, so a query translated where the wrapper is called cannot be sent there; wrap QueryAsync",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Equal("client.QueryAllAsync(vars, query)", LambdaFormsTests.At(source, diagnostic));
    }

    private const string Unmarked = """
            public static Task<T> Unmarked<T>(IPyxisClient client, Func<PyxisQuery, T> query) => client.QueryAsync(query);
        """;

    [Fact]
    public void A_wrappers_callers_are_translated_and_its_own_QueryAsync_sends_what_it_is_handed()
    {
        var output = LambdaFormsTests.Run(
            LambdaFormsTests.Program(
                "_ = await client.Logged(q => q.GetImage(\"x\", r => r.Data!.Id), \"t\"); _ = await Twice(client, q => q.GetImage(select: r => r.Data!.Architecture));",
                Wrappers
            )
        );

        var lambdas = CleanLambdas(output);
        Assert.Contains(lambdas, l =>
            l.Contains("f0: get_image(id: $id__0) { data { _id } }", StringComparison.Ordinal)
            && l.Contains("Logged<T>(this global::Pyxis.Client.IPyxisClient client", StringComparison.Ordinal)
        );
        Assert.Contains(lambdas, l =>
            l.Contains("f0: get_image { data { architecture } }", StringComparison.Ordinal)
            && l.Contains("PyxisTranslatedQuery<T>.Carry(query, RunAsync)", StringComparison.Ordinal)
        );
        // Logged's and Hidden's own QueryAsync calls (Twice passes its query on to Logged).
        Assert.Equal(
            2,
            lambdas.Count(l =>
                l.Contains("PyxisTranslatedQuery<TResult>.RunAsync(client, query, cancellationToken)", StringComparison.Ordinal)
            )
        );
    }

    [Fact]
    public void A_wrapper_with_a_variables_object_sends_the_variables_it_passes_on()
    {
        var output = LambdaFormsTests.Run(
            LambdaFormsTests.Program(
                "_ = await client.Audited(new V(), static (q, v) => q.GetImage(v.Path, r => r.Data!.Id)); _ = await ForV(client, (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Repository));",
                Wrappers
            )
        );

        var lambdas = CleanLambdas(output);
        // The caller's value is a variable ($id__0), never the document's text.
        Assert.Contains(lambdas, l =>
            l.Contains(
                "query Calls_Run($id__0: ObjectIDFilterScalar) { f0: get_image(id: $id__0) { data { _id } } }",
                StringComparison.Ordinal
            ) && l.Contains("PyxisTranslatedQuery<TVars, T>.Carry(query, RunAsync)", StringComparison.Ordinal)
        );
        Assert.Contains(lambdas, l =>
            // The second query in the member, so numbered: two wrapper calls are two operations by name too.
            l.Contains(
                "query Calls_Run_2($registry__0: String, $repository__0: String) { f0: get_repository_by_registry_path(registry: $registry__0, repository: $repository__0) { data { repository } } }",
                StringComparison.Ordinal
            ) && l.Contains("PyxisTranslatedQuery<global::V, T>.Carry(query, RunAsync)", StringComparison.Ordinal));
        // Audited's own QueryAsync(vars, query); ForV passes its query on to Audited.
        Assert.Single(lambdas, l =>
            l.Contains("PyxisTranslatedQuery<TVars, TResult>.RunAsync(client, vars, query, cancellationToken)", StringComparison.Ordinal)
        );
    }

    [Theory]
    [InlineData(
        "_ = await Hidden(client, q => q.GetImage(\"x\", r => r.Data!.Id));",
        "PYX117",
        "'Hidden' cannot be intercepted as a query wrapper: 'Hidden' is private; make it internal or public",
        "Hidden(client, q => q.GetImage(\"x\", r => r.Data!.Id))"
    )]
    [InlineData(
        "_ = await Untyped(client, o => 1);",
        "PYX117",
        "it takes no Func<PyxisQuery, T> or Func<PyxisQuery, TVars, T> parameter",
        "Untyped(client, o => 1)"
    )]
    [InlineData(
        "_ = await Unmarked(client, q => q.GetImage(\"x\", r => r.Data!.Id));",
        "PYX101",
        "mark the wrapper [PyxisQueryWrapper] and call it with the lambda in place",
        "query"
    )]
    public void A_wrapper_that_cannot_be_intercepted_says_what_to_do(string statement, string id, string message, string at)
    {
        var source = LambdaFormsTests.Program(statement, Wrappers + Unmarked);
        var output = LambdaFormsTests.Run(source);

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == id && LambdaFormsTests.At(source, d) == at);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    // A wrapper's and its callers' code must build clean before their lambda files say anything.
    private static List<string> CleanLambdas(GeneratorOutput output)
    {
        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        return output
            .Sources.Where(s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal))
            .Select(s => s.SourceText.ToString())
            .ToList();
    }
}
