namespace Pyxis.Client;

/// <summary>One entry of a GraphQL response's <c>errors</c> list.</summary>
/// <param name="Message">What the server said.</param>
/// <param name="Path">The response path it concerns, if any.</param>
/// <param name="Locations">Line and column in the document, if given.</param>
public sealed record PyxisGraphQLError(string Message, IReadOnlyList<string> Path, IReadOnlyList<(int Line, int Column)> Locations)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var path = Path.Count == 0 ? string.Empty : " at " + string.Join(".", Path);
        var at = Locations.Count == 0 ? string.Empty : $" ({Locations[0].Line}:{Locations[0].Column})";
        return Message + path + at;
    }
}

/// <summary>The server answered with GraphQL <c>errors</c> (validation or execution errors).</summary>
public sealed class PyxisGraphQLException : PyxisException
{
    /// <summary>Creates the exception.</summary>
    public PyxisGraphQLException(PyxisRequest request, IReadOnlyList<PyxisGraphQLError> errors)
        : base(request, "GraphQL errors: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every error the server listed.</summary>
    public IReadOnlyList<PyxisGraphQLError> Errors { get; }
}
