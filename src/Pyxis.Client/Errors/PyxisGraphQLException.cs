using System.Text.Json;
using Pyxis.Client.Runtime;

namespace Pyxis.Client;

/// <summary>One entry of a GraphQL response's <c>errors</c> list (server text cut to 4 KB).</summary>
/// <param name="Message">What the server said.</param>
/// <param name="Path">The response path it concerns, if any.</param>
/// <param name="Locations">Line and column in the document, if given.</param>
public sealed record PyxisGraphQLError(string Message, IReadOnlyList<string> Path, IReadOnlyList<(int Line, int Column)> Locations)
{
    /// <summary>The error's <c>extensions</c> object (a code, a classification…), when the server sent one of at most 4 KB.</summary>
    public JsonElement? Extensions { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var path = Path.Count == 0 ? string.Empty : " at " + string.Join(".", Path);
        var at = Locations.Count == 0 ? string.Empty : $" ({Locations[0].Line}:{Locations[0].Column})";
        return Message + path + at;
    }
}

/// <summary>
/// The server answered with GraphQL <c>errors</c> (validation or execution errors). When it also sent <c>data</c>
/// (a partial result), <see cref="PartialData"/> holds what was read, typed as the operation's result.
/// </summary>
public sealed class PyxisGraphQLException : PyxisException
{
    /// <summary>Creates the exception.</summary>
    public PyxisGraphQLException(PyxisRequest request, IReadOnlyList<PyxisGraphQLError> errors)
        : this(request, errors, errors?.Count ?? 0) { }

    /// <summary>Creates the exception for a response that listed <paramref name="totalErrors"/> errors, of which <paramref name="errors"/> were kept.</summary>
    public PyxisGraphQLException(PyxisRequest request, IReadOnlyList<PyxisGraphQLError> errors, int totalErrors)
        : this(new PyxisCall(request ?? throw new ArgumentNullException(nameof(request)), null), errors, totalErrors) { }

    /// <summary>Creates the exception from the call that received the errors (its status and trace id).</summary>
    internal PyxisGraphQLException(in PyxisCall call, IReadOnlyList<PyxisGraphQLError> errors, int totalErrors)
        : base(call, Describe(errors, totalErrors))
    {
        Errors = errors;
        TotalErrors = Math.Max(totalErrors, errors.Count);
    }

    /// <summary>The errors the server listed, up to the first 50.</summary>
    public IReadOnlyList<PyxisGraphQLError> Errors { get; }

    /// <summary>How many errors the server listed, including those not kept in <see cref="Errors"/>.</summary>
    public int TotalErrors { get; }

    /// <summary>
    /// The <c>data</c> that came with the errors, or null when the server sent none: the operation's generated
    /// <c>Data</c> record, or for a lambda query the lambda's own result over what came (null if the lambda threw over
    /// it). Fields the errors concern are null in it.
    /// </summary>
    public object? PartialData { get; init; }

    /// <summary>
    /// The partial data as the operation's result type (a lambda query's: what the lambda returns, so name it with a record
    /// or a tuple rather than an anonymous type), or default when there is none.
    /// </summary>
    public TData? GetPartialData<TData>() => PartialData is TData data ? data : default;

    private static string Describe(IReadOnlyList<PyxisGraphQLError> errors, int total)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var shown = string.Join("; ", errors.Take(ServerText.MaxErrorsInMessage));
        var rest = total - Math.Min(errors.Count, ServerText.MaxErrorsInMessage);
        return "GraphQL errors: " + shown + (rest > 0 ? $"; and {rest} more" : string.Empty);
    }
}
