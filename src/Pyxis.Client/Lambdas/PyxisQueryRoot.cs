namespace Pyxis.Client.Lambdas;

/// <summary>
/// What a lambda query's <c>q</c> is. The generated <c>PyxisQuery</c> derives from it with one method per Query root
/// field. A translated lambda runs twice: once recording the arguments its root fields are called with (they become
/// GraphQL variables), once over the answer, where each root field call hands its selector the value read for it.
/// </summary>
public abstract class PyxisQueryRoot
{
    private readonly List<object?[]>? recorded;
    private readonly object?[]? answers;
    private int next;

    /// <summary>A root that records arguments.</summary>
    protected PyxisQueryRoot() => recorded = new List<object?[]>();

    /// <summary>A root over the answer: <paramref name="answers"/> holds one value per root field call, in call order.</summary>
    protected PyxisQueryRoot(object?[] answers) => this.answers = answers ?? throw new ArgumentNullException(nameof(answers));

    /// <summary>The arguments of each root field call, in call order (recording roots only).</summary>
    public IReadOnlyList<object?[]> Calls => recorded ?? throw new InvalidOperationException("Only a recording root has calls.");

    /// <summary>One root field call: records its arguments, or applies <paramref name="select"/> to its answer (null gives <c>default</c>).</summary>
    protected TResult Field<TField, TResult>(Func<TField, TResult> select, params object?[] arguments)
        where TField : class
    {
        ArgumentNullException.ThrowIfNull(select);
        if (recorded is not null)
        {
            recorded.Add(arguments);
            return default!;
        }

        if (next >= answers!.Length)
        {
            throw new InvalidOperationException("The lambda called more root fields than were translated; a lambda query must call the same fields every time it runs.");
        }

        return answers[next++] is TField value ? select(value) : default!;
    }
}
