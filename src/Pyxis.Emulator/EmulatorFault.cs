namespace Pyxis.Emulator;

/// <summary>A failure the emulator injects into one request, to test how clients cope.</summary>
public abstract record EmulatorFault
{
    /// <summary>Answer with an HTTP status (500, 503, 429…) and an optional <c>Retry-After</c>.</summary>
    public sealed record HttpStatus(int Code, TimeSpan? RetryAfter = null) : EmulatorFault;

    /// <summary>Answer 200 with a body that is not JSON.</summary>
    public sealed record MalformedJson : EmulatorFault;

    /// <summary>Answer with GraphQL <c>errors</c> and no data.</summary>
    public sealed record GraphQLError(string Message) : EmulatorFault;

    /// <summary>Answer each root field with a Pyxis error envelope <c>error { status detail }</c>.</summary>
    public sealed record PyxisError(int Status, string Detail) : EmulatorFault;

    /// <summary>Answer normally, but send the body in two halves with <paramref name="Pause"/> between them.</summary>
    public sealed record SlowBody(TimeSpan Pause) : EmulatorFault;

    /// <summary>Send the headers and half the answer (with the full <c>Content-Length</c>), then drop the connection.</summary>
    public sealed record TruncatedBody : EmulatorFault;

    /// <summary>Drop the connection without an answer.</summary>
    public sealed record ConnectionReset : EmulatorFault;
}

/// <summary>What a fault or latency rule can see of a request.</summary>
/// <param name="Number">The request's sequence number, from 1.</param>
/// <param name="OperationName">The GraphQL operation name.</param>
/// <param name="Variables">The variables, as GraphQL.NET read them.</param>
public sealed record EmulatorRequest(long Number, string? OperationName, IReadOnlyDictionary<string, object?> Variables)
{
    /// <summary>A variable as text, or null.</summary>
    public string? Variable(string name) => Variables.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>One root field call, as a field fault rule sees it.</summary>
/// <param name="Field">The root field, e.g. <c>get_repository_by_registry_path</c>.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record EmulatorFieldCall(string Field, IReadOnlyDictionary<string, object?> Arguments)
{
    /// <summary>An argument as text, or null.</summary>
    public string? Argument(string name) => Arguments.TryGetValue(name, out var value) ? value?.ToString() : null;
}
