using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Pyxis.Emulator.Http;

/// <summary>
/// Keeps the parsed documents of queries that passed validation, so a repeated query skips parsing; clients
/// repeat the same few documents. GraphQL.NET still validates a document it is handed (checked: an unknown
/// field in a supplied document is still reported), so invalid documents keep their errors.
/// </summary>
internal sealed class ValidatedDocumentCache
{
    private const int Capacity = 512;
    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);

    public GraphQLDocument? Find(string query) => documents.TryGetValue(query, out var document) ? document : null;

    public void Remember(string query, ExecutionResult result)
    {
        var invalid = result.Errors?.Any(e => e is ValidationError or GraphQL.Execution.DocumentError) ?? false;
        if (result.Document is { } document && !invalid && documents.Count < Capacity)
        {
            documents.TryAdd(query, document);
        }
    }
}
