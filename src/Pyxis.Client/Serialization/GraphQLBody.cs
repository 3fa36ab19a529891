using System.Net.Http.Headers;
using System.Text.Json;

namespace Pyxis.Client.Serialization;

/// <summary>Quick looks at a response body's top level, without reading the data into types.</summary>
internal static class GraphQLBody
{
    private const string ServerTimeoutDetail = "unable to fetch data from MongoDB in time";
    private static readonly byte[] ServerTimeoutDetailUtf8 = System.Text.Encoding.UTF8.GetBytes(ServerTimeoutDetail);

    /// <summary>
    /// Whether a non-2xx answer is a GraphQL response with <c>errors</c> (servers answer validation errors with 4xx),
    /// which the caller should see as GraphQL errors, not as a bare HTTP status. An HTML error page is not.
    /// </summary>
    public static bool HasErrors(MediaTypeHeaderValue? contentType, ReadOnlySpan<byte> body)
    {
        if (contentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        return TopLevelIsArray(body, "errors"u8);
    }

    /// <summary>
    /// Whether a root field's Pyxis envelope says "unable to fetch data from MongoDB in time" (a server-side timeout
    /// inside a 200). Only <c>data.*.error.detail</c> counts, never the same words inside the data.
    /// </summary>
    public static bool IsServerTimeout(ReadOnlySpan<byte> body)
    {
        // Almost every answer lacks the words; only those that have them are parsed to see where they stand.
        if (body.IndexOf(ServerTimeoutDetailUtf8) < 0)
        {
            return false;
        }

        return AnyEnvelopeError(body, static error =>
            error.TryGetProperty("detail"u8, out var detail)
            && detail.ValueKind == JsonValueKind.String
            && detail.GetString()!.Contains(ServerTimeoutDetail, StringComparison.Ordinal)
        );
    }

    // Whether any root field's Pyxis envelope (data.*.error) carries an error that fits test; unreadable JSON does not.
    private static bool AnyEnvelopeError(ReadOnlySpan<byte> body, Func<JsonElement, bool> test)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("data"u8, out var data)
                && data.ValueKind == JsonValueKind.Object
                && data.EnumerateObject()
                    .Any(field =>
                        field.Value.ValueKind == JsonValueKind.Object
                        && field.Value.TryGetProperty("error"u8, out var error)
                        && error.ValueKind == JsonValueKind.Object
                        && test(error)
                    );
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The same timeout, as the detail of one lookup's error envelope.</summary>
    public static bool IsServerTimeout(Exception? error) =>
        error is PyxisException { Detail: { } detail } && detail.Contains(ServerTimeoutDetail, StringComparison.Ordinal);

    private static bool TopLevelIsArray(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    return reader.TokenType == JsonTokenType.StartArray;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the reader proper reports it with context.
        }

        return false;
    }
}
