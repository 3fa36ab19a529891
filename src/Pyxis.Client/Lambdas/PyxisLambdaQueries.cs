namespace Pyxis.Client.Lambdas;

/// <summary>
/// Queries written as C# lambdas over the schema (<c>client.QueryAsync(vars, static (q, v) => q.Field(args, r => …))</c>).
/// The Pyxis generator translates each call's lambda into a checked GraphQL document at build time and intercepts the
/// call; this body runs only when that did not happen.
/// </summary>
public static class PyxisLambdaQueries
{
    /// <summary>Runs the lambda as a GraphQL query: its root field calls and the fields its selectors read are what is asked.</summary>
    /// <typeparam name="TVars">Values the lambda reads through <c>v</c>; they are sent as GraphQL variables.</typeparam>
    /// <typeparam name="TResult">Whatever the lambda builds from the answer.</typeparam>
    /// <exception cref="InvalidOperationException">The call was not translated at build time.</exception>
    public static Task<TResult> QueryAsync<TVars, TResult>(
        this IPyxisClient client,
        TVars vars,
        Func<Schema.PyxisQuery, TVars, TResult> query,
        CancellationToken cancellationToken = default
    ) => throw NotTranslated("QueryAsync");

    /// <summary>
    /// Runs the lambda as a GraphQL query, for lambdas with no values of their own to send (<c>client.QueryAsync(q => q.Field(args, r => …))</c>);
    /// what it captures is sent as GraphQL variables all the same.
    /// </summary>
    /// <typeparam name="TResult">Whatever the lambda builds from the answer.</typeparam>
    /// <exception cref="InvalidOperationException">The call was not translated at build time.</exception>
    public static Task<TResult> QueryAsync<TResult>(
        this IPyxisClient client,
        Func<Schema.PyxisQuery, TResult> query,
        CancellationToken cancellationToken = default
    ) => throw NotTranslated("QueryAsync");

    /// <summary>Runs the lambda as a GraphQL mutation, for lambdas with no variables object (<c>client.MutateAsync(m => …)</c>).</summary>
    /// <typeparam name="TResult">Whatever the lambda builds from the answer.</typeparam>
    /// <exception cref="InvalidOperationException">The call was not translated at build time.</exception>
    public static Task<TResult> MutateAsync<TResult>(
        this IPyxisClient client,
        Func<Schema.PyxisMutation, TResult> mutation,
        CancellationToken cancellationToken = default
    ) => throw NotTranslated("MutateAsync");

    /// <summary>Runs the lambda as a GraphQL mutation (never retried, never cached, like every mutation).</summary>
    /// <typeparam name="TVars">Values the lambda reads through <c>v</c>; they are sent as GraphQL variables.</typeparam>
    /// <typeparam name="TResult">Whatever the lambda builds from the answer.</typeparam>
    /// <exception cref="InvalidOperationException">The call was not translated at build time.</exception>
    public static Task<TResult> MutateAsync<TVars, TResult>(
        this IPyxisClient client,
        TVars vars,
        Func<Schema.PyxisMutation, TVars, TResult> mutation,
        CancellationToken cancellationToken = default
    ) => throw NotTranslated("MutateAsync");

    /// <summary>
    /// Runs a one-root-field lambda for every input with alias batching (<see cref="Batching.BatchOptions.AliasesPerRequest"/>
    /// lookups per request), streaming each input's outcome in completion order, as the generated <c>…Batch</c> helpers do.
    /// </summary>
    /// <typeparam name="TVars">One input; the lambda reads it through <c>v</c>.</typeparam>
    /// <typeparam name="TResult">Whatever the lambda builds from one input's answer.</typeparam>
    /// <exception cref="InvalidOperationException">The call was not translated at build time.</exception>
    public static IAsyncEnumerable<Batching.BatchItem<TVars, TResult>> QueryEachAsync<TVars, TResult>(
        this IPyxisClient client,
        IEnumerable<TVars> inputs,
        Func<Schema.PyxisQuery, TVars, TResult> query,
        Batching.BatchOptions? options = null,
        CancellationToken cancellationToken = default
    ) => throw NotTranslated("QueryEachAsync");

    /// <summary>
    /// Streams every item of a paginated root field: the lambda is run per page with a <see cref="PyxisPage"/> to pass to
    /// the field's <c>page</c>/<c>page_size</c> arguments; page 0 tells the total and the rest are fetched concurrently
    /// (<see cref="PyxisPaging"/>), as the generated <c>…AllAsync</c> methods do.
    /// </summary>
    /// <typeparam name="TVars">Values the lambda reads through <c>v</c>; they are sent as GraphQL variables.</typeparam>
    /// <typeparam name="TItem">One item the lambda builds from a page.</typeparam>
    /// <exception cref="InvalidOperationException">The call was not translated at build time.</exception>
    public static IAsyncEnumerable<TItem> QueryAllAsync<TVars, TItem>(
        this IPyxisClient client,
        TVars vars,
        Func<Schema.PyxisQuery, TVars, PyxisPage, IEnumerable<TItem>?> query,
        int pageSize = 100,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    ) => throw NotTranslated("QueryAllAsync");

    private static InvalidOperationException NotTranslated(string method) =>
        new(
            $"This {method} call was not translated at build time. Pass the lambda inline (not through a variable or a method group), "
                + "and add Pyxis.Generated.Lambdas to <InterceptorsNamespaces> if your project overrides it."
        );
}
