using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pyxis.Client.Transport;

/// <summary>
/// The POST body <c>{"query":…,"operationName":…,"variables":…}</c> written straight to the connection:
/// the query part is encoded once per document and cached, the variables are the request's own bytes.
/// </summary>
internal sealed class GraphQLRequestContent : HttpContent
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly ConcurrentDictionary<(string Document, string Operation), byte[]> Prefixes = new();
    private static readonly byte[] Suffix = "}"u8.ToArray();

    private readonly byte[] prefix;
    private readonly ReadOnlyMemory<byte> variables;

    public GraphQLRequestContent(PyxisRequest request)
    {
        prefix = Prefixes.GetOrAdd((request.Document, request.OperationName), static key => Encode(key.Document, key.Operation));
        variables = request.Variables;
        Headers.ContentType = Json;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(prefix, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(variables, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(Suffix, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = prefix.Length + variables.Length + Suffix.Length;
        return true;
    }

    private static byte[] Encode(string document, string operation)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query"u8, document);
            writer.WriteString("operationName"u8, operation);
            writer.WritePropertyName("variables"u8);
            writer.WriteNullValue(); // placeholder: cut below, the request's variables go in its place
            writer.WriteEndObject();
        }

        var text = buffer.ToArray();
        return text[..^"null}".Length];
    }
}
