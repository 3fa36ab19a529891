using System.Runtime.InteropServices;
using System.Text.Json;
using Pyxis.Client.Runtime;

namespace Pyxis.Client.Serialization;

/// <summary>
/// Reads a GraphQL response's <c>errors</c> list: error objects only, each without duplicate keys, server text capped
/// and with secret values replaced by <c>***</c> before anything keeps it.
/// </summary>
internal static class GraphQLErrorReader
{
    // Keeps the first ServerText.MaxErrors errors and counts the rest, so a flood of errors cannot flood memory. Every
    // entry must be an error object: a list of anything else is not an answer to trust the data beside.
    public static (List<PyxisGraphQLError> Errors, int Count) Read(in PyxisCall call, ReadOnlySpan<byte> body, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new PyxisJsonException($"'errors' should be a list of error objects but was {reader.TokenType}.");
        }

        var errors = new List<PyxisGraphQLError>();
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new PyxisJsonException($"'errors[{count}]' should be an error object but was {reader.TokenType}.");
            }

            count++;
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (errors.Count < ServerText.MaxErrors)
            {
                errors.Add(ToError(call, body[start..(int)reader.BytesConsumed].ToArray()));
            }
        }

        return (errors, count);
    }

    private static readonly JsonDocumentOptions StrictDocument = new() { MaxDepth = 256, AllowDuplicateProperties = false };

    private static PyxisGraphQLError ToError(PyxisCall call, byte[] raw)
    {
        try
        {
            using var error = JsonDocument.Parse(raw, StrictDocument);
            return ToError(call, error.RootElement);
        }
        catch (JsonException ex)
        {
            throw new PyxisJsonException("an entry of 'errors' could not be read: " + ex.Message);
        }
    }

    private static PyxisGraphQLError ToError(PyxisCall call, JsonElement error)
    {
        var message = ServerText.HiddenAndCapped(
            call,
            error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : error.GetRawText()
        )!;
        var path = new List<string>();
        if (error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array)
        {
            path.AddRange(
                p.EnumerateArray()
                    .Take(64)
                    .Select(s =>
                        ServerText.HiddenAndCapped(call, s.ValueKind == JsonValueKind.String ? s.GetString()! : s.GetRawText(), 256)!
                    )
            );
        }

        var locations = new List<(int, int)>();
        if (error.TryGetProperty("locations", out var l) && l.ValueKind == JsonValueKind.Array)
        {
            foreach (var location in l.EnumerateArray().Take(16))
            {
                if (
                    location.TryGetProperty("line", out var line)
                    && location.TryGetProperty("column", out var column)
                    && line.TryGetInt32(out var lineNumber)
                    && column.TryGetInt32(out var columnNumber)
                )
                {
                    locations.Add((lineNumber, columnNumber));
                }
            }
        }

        return new PyxisGraphQLError(message, path, locations) { Extensions = Extensions(call, error) };
    }

    // Kept whole when small; a server that sends megabytes of extensions gets them dropped, not copied.
    private static JsonElement? Extensions(PyxisCall call, JsonElement error)
    {
        if (!error.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(extensions);
        if (raw.Length > ServerText.MaxChars)
        {
            return null;
        }

        // Redacted as text: a secret quoted anywhere inside (a value, a key) becomes "***", and JSON that no longer
        // parses after that is dropped rather than kept half-hidden.
        var text = System.Text.Encoding.UTF8.GetString(raw);
        var redacted = call.Redact(text)!;
        if (string.Equals(redacted, text, StringComparison.Ordinal))
        {
            return JsonElement.Parse(raw);
        }

        try
        {
            return JsonElement.Parse(redacted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
