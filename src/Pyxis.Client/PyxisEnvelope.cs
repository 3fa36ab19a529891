namespace Pyxis.Client;

/// <summary>A Pyxis response envelope: every root field answers <c>{ data, error { status detail } }</c>.</summary>
public interface IPyxisEnvelope
{
    /// <summary>Whether the envelope carries an error.</summary>
    bool HasError { get; }

    /// <summary>The error's status (HTTP-like: 404, 500…), if selected.</summary>
    int? ErrorStatus { get; }

    /// <summary>The error's detail text, if selected.</summary>
    string? ErrorDetail { get; }
}

/// <summary>
/// Unwraps Pyxis envelopes that the call has already checked (<see cref="PyxisRootCheck{TData}"/>); generated methods call
/// it. The check, and the <see cref="PyxisException"/> it throws with the call's status and trace id, happen inside the
/// call; what is left here is "404 is null".
/// </summary>
public static class PyxisEnvelope
{
    private const string Unchecked =
        "The answer's Pyxis envelope was not checked by the client: an IPyxisClient must apply the request's Check "
        + "(PyxisClient and PyxisFakeClient do). Pyxis reported: ";

    /// <summary>A single-entity lookup: the envelope, or null when Pyxis said 404 (not found).</summary>
    /// <exception cref="InvalidOperationException">The envelope is missing or holds another error: the client did not check it.</exception>
    public static TEnvelope? Entity<TEnvelope>(TEnvelope? envelope)
        where TEnvelope : class, IPyxisEnvelope =>
        envelope switch
        {
            null => throw new InvalidOperationException(Unchecked + "no envelope"),
            { HasError: false } => envelope,
            { ErrorStatus: 404 } => null,
            _ => throw new InvalidOperationException(Unchecked + $"error {envelope.ErrorStatus}"),
        };

    /// <summary>A page: the envelope, which the call has checked carries no error.</summary>
    /// <exception cref="InvalidOperationException">The envelope is missing or holds an error: the client did not check it.</exception>
    public static TEnvelope Page<TEnvelope>(TEnvelope? envelope)
        where TEnvelope : class, IPyxisEnvelope =>
        envelope switch
        {
            null => throw new InvalidOperationException(Unchecked + "no envelope"),
            { HasError: false } => envelope,
            _ => throw new InvalidOperationException(Unchecked + $"error {envelope.ErrorStatus}"),
        };
}
