namespace Pyxis.Client.SchemaCheck;

/// <summary>
/// One operation a project ships, as its operation manifest records it: what is sent, under which name, and where it was
/// written. The generator emits one per <c>.graphql</c> operation and per lambda query; <c>pyxis schema check</c> and the
/// schema health check read them to name the operations a schema change breaks.
/// </summary>
/// <param name="Name">The operation name sent to Pyxis (the <c>.graphql</c> name, or the lambda's call-site name).</param>
/// <param name="Kind"><c>operation</c> for a <c>.graphql</c> file's operation, <c>lambda</c> for a C# lambda query.</param>
/// <param name="OperationType"><c>query</c> or <c>mutation</c>.</param>
/// <param name="Document">The GraphQL document exactly as sent (operation and the fragments it spreads).</param>
/// <param name="Id">Lowercase hex SHA-256 of <paramref name="Document"/>'s UTF-8 bytes.</param>
/// <param name="File">The source file: the <c>.graphql</c> file, or the C# file of the lambda's call.</param>
/// <param name="Line">1-based line of the operation (or the lambda call) in <paramref name="File"/>.</param>
/// <param name="Column">1-based column of the operation (or the lambda call) in <paramref name="File"/>.</param>
public sealed record PyxisOperationInfo(
    string Name,
    string Kind,
    string OperationType,
    string Document,
    string Id,
    string File,
    int Line,
    int Column
)
{
    /// <summary>
    /// The schema the operation was checked against: the default schema's name (<c>PyxisSchemaName</c>, default
    /// <c>Pyxis</c>) or a named schema's <c>Name</c>; null when the manifest does not say.
    /// </summary>
    public string? Schema { get; init; }
}
