using Pyxis.Client.Schema;

namespace Pyxis.Client.Lambdas;

/// <summary>
/// A query lambda translated at build time, carried through a <see cref="PyxisQueryWrapperAttribute"/> wrapper as the
/// target of the delegate the wrapper is handed, so the wrapper's <c>QueryAsync</c> call finds how to send it.
/// Generated interceptors use it.
/// </summary>
/// <typeparam name="TResult">What the lambda builds from the answer.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class PyxisTranslatedQuery<TResult>
{
    private readonly Func<PyxisQuery, TResult> query;
    private readonly Func<IPyxisClient, Func<PyxisQuery, TResult>, CancellationToken, Task<TResult>> run;

    private PyxisTranslatedQuery(
        Func<PyxisQuery, TResult> query,
        Func<IPyxisClient, Func<PyxisQuery, TResult>, CancellationToken, Task<TResult>> run
    )
    {
        this.query = query;
        this.run = run;
    }

    /// <summary>The delegate a wrapper is handed: it runs <paramref name="query"/>, and carries how to send it.</summary>
    public static Func<PyxisQuery, TResult> Carry(
        Func<PyxisQuery, TResult> query,
        Func<IPyxisClient, Func<PyxisQuery, TResult>, CancellationToken, Task<TResult>> run
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(run);
        return new PyxisTranslatedQuery<TResult>(query, run).Invoke;
    }

    /// <summary>Sends <paramref name="query"/>, a delegate made by <see cref="Carry"/>, through <paramref name="client"/>.</summary>
    /// <exception cref="InvalidOperationException">The delegate was not translated at build time.</exception>
    public static Task<TResult> RunAsync(IPyxisClient client, Func<PyxisQuery, TResult> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Target is PyxisTranslatedQuery<TResult> translated
            ? translated.run(client, translated.query, cancellationToken)
            : throw new InvalidOperationException(
                "This query reached a [PyxisQueryWrapper] method without being translated: call the wrapper with the lambda written in place "
                    + "(client.Wrapper(q => q.Field(…, r => …))), or pass on the query parameter of another [PyxisQueryWrapper] method."
            );
    }

    private TResult Invoke(PyxisQuery root) => query(root);
}

/// <summary>
/// A query lambda with a variables object (<c>(q, v) =&gt; …</c>) translated at build time, carried through a
/// <see cref="PyxisQueryWrapperAttribute"/> wrapper as the target of the delegate the wrapper is handed; the variables
/// the wrapper passes to its <c>QueryAsync(vars, query)</c> are the ones sent. Generated interceptors use it.
/// </summary>
/// <typeparam name="TVars">The variables object the lambda reads through <c>v</c>.</typeparam>
/// <typeparam name="TResult">What the lambda builds from the answer.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class PyxisTranslatedQuery<TVars, TResult>
{
    private readonly Func<PyxisQuery, TVars, TResult> query;
    private readonly Func<IPyxisClient, TVars, Func<PyxisQuery, TVars, TResult>, CancellationToken, Task<TResult>> run;

    private PyxisTranslatedQuery(
        Func<PyxisQuery, TVars, TResult> query,
        Func<IPyxisClient, TVars, Func<PyxisQuery, TVars, TResult>, CancellationToken, Task<TResult>> run
    )
    {
        this.query = query;
        this.run = run;
    }

    /// <summary>The delegate a wrapper is handed: it runs <paramref name="query"/>, and carries how to send it.</summary>
    public static Func<PyxisQuery, TVars, TResult> Carry(
        Func<PyxisQuery, TVars, TResult> query,
        Func<IPyxisClient, TVars, Func<PyxisQuery, TVars, TResult>, CancellationToken, Task<TResult>> run
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(run);
        return new PyxisTranslatedQuery<TVars, TResult>(query, run).Invoke;
    }

    /// <summary>
    /// Sends <paramref name="query"/>, a delegate made by <see cref="Carry"/>, through <paramref name="client"/> with
    /// <paramref name="vars"/> as its variables.
    /// </summary>
    /// <exception cref="InvalidOperationException">The delegate was not translated at build time.</exception>
    public static Task<TResult> RunAsync(
        IPyxisClient client,
        TVars vars,
        Func<PyxisQuery, TVars, TResult> query,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Target is PyxisTranslatedQuery<TVars, TResult> translated
            ? translated.run(client, vars, translated.query, cancellationToken)
            : throw new InvalidOperationException(
                "This query reached a [PyxisQueryWrapper] method without being translated: call the wrapper with the lambda written in place "
                    + "(client.Wrapper(vars, (q, v) => q.Field(v.X, r => …))), or pass on the query parameter of another [PyxisQueryWrapper] method."
            );
    }

    private TResult Invoke(PyxisQuery root, TVars vars) => query(root, vars);
}
