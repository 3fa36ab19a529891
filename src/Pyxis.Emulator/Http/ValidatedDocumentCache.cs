using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Pyxis.Emulator.Http;

/// <summary>
/// Keeps documents that passed validation, so a repeated query skips parsing and validation
/// (GraphQL.NET runs no rules on a document it is handed). On two cores that validation is most of
/// the emulator's CPU per request, and clients repeat the same few documents.
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
