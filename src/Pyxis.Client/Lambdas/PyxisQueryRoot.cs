namespace Pyxis.Client.Lambdas;

/// <summary>
/// What a lambda query's <c>q</c> is. The generated <c>PyxisQuery</c> derives from it with one method per Query root
/// field. A translated lambda runs twice: once recording the arguments its root fields are called with (they become
/// GraphQL variables), once over the answer, where each root field call hands its selector the value read for it.
/// </summary>
public abstract class PyxisQueryRoot
{
    private const string MoreCallsThanTranslated = "The lambda called more root fields than were translated; a lambda query must call the same fields every time it runs.";

    private readonly object?[]?[]? recorded;
    private readonly object?[]? answers;
    private int next;

    /// <summary>A root that records the arguments of up to <paramref name="calls"/> root field calls.</summary>
    protected PyxisQueryRoot(int calls) => recorded = new object?[calls][];

    /// <summary>A root over the answer: <paramref name="answers"/> holds one value per root field call, in call order.</summary>
    protected PyxisQueryRoot(object?[] answers) => this.answers = answers ?? throw new ArgumentNullException(nameof(answers));

    /// <summary>How many root field calls were recorded.</summary>
    public int CallCount => recorded is null ? throw new InvalidOperationException("Only a recording root has calls.") : next;

    /// <summary>Whether this root records arguments (the first run) rather than answering (the second).</summary>
    protected bool IsRecording => recorded is not null;

    /// <summary>The arguments of root field call <paramref name="index"/>, in call order.</summary>
    public object?[] Call(int index) => recorded?[index] ?? throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Forgets the recorded calls, so a recording root can be reused (generated interceptors keep one per thread).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public void Reset()
    {
        if (recorded is not null)
        {
            Array.Clear(recorded);
            next = 0;
        }
    }

    /// <summary>The answer read for root field call <paramref name="index"/> (answering roots only).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public object? AnswerAt(int index) => answers is null ? throw new InvalidOperationException("Only an answering root has answers.") : answers[index];

    /// <summary>Records one root field call's arguments (first run).</summary>
    protected TResult Record<TResult>(params object?[] arguments)
    {
        if (next >= recorded!.Length)
        {
            throw new InvalidOperationException(MoreCallsThanTranslated);
        }

        recorded[next++] = arguments;
        return default!;
    }

    /// <summary>Applies <paramref name="select"/> to the next root field's answer (second run); a null answer gives <c>default</c>.</summary>
    protected TResult Answer<TField, TResult>(Func<TField, TResult> select)
        where TField : class
    {
        ArgumentNullException.ThrowIfNull(select);
        if (next >= answers!.Length)
        {
            throw new InvalidOperationException(MoreCallsThanTranslated);
        }

        return answers[next++] is TField value ? select(value) : default!;
    }
}
