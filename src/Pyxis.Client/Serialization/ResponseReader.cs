using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pyxis.Client.Serialization;

/// <summary>Reads the GraphQL response envelope <c>{ data, errors }</c> in one pass, in whatever key order the server chose.</summary>
internal static class ResponseReader
{
    public static TData Read<TData>(PyxisRequest<TData> request, ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        TData? data = default;
        var hasData = false;
        List<PyxisGraphQLError>? errors = null;
        var errorCount = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new PyxisJsonException("the response is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isData = reader.ValueTextEquals("data"u8);
                var isErrors = reader.ValueTextEquals("errors"u8);
                reader.Read();
                if (isData && reader.TokenType != JsonTokenType.Null)
                {
                    data = request.ReadData(ref reader);
                    hasData = true;
                }
                else if (isErrors && reader.TokenType == JsonTokenType.StartArray)
                {
                    (errors, errorCount) = ReadErrors(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or PyxisJsonException or InvalidOperationException)
        {
            var truncated = ex is JsonException && IsIncomplete(body);
            throw new PyxisResponseException(
                request,
                (truncated ? "the response ended before its JSON did: " : "the response could not be read: ") + ServerText.Cap(ex.Message),
                ex
            )
            {
                Truncated = truncated,
            };
        }

        if (errors is { Count: > 0 })
        {
            if (!hasData || request.PartialErrors is null)
            {
                throw new PyxisGraphQLException(request, errors, errorCount) { PartialData = hasData ? Partial(request, data!) : null };
            }

            request.PartialErrors(errors);
        }

        return hasData ? data! : throw new PyxisResponseException(request, "the response has neither data nor errors");
    }

    // The errors are what the caller must hear about; a projection that cannot run over the partial data leaves it out
    // rather than replacing them with its own exception.
    private static object? Partial<TData>(PyxisRequest<TData> request, TData data)
    {
        if (request.ProjectPartialData is not { } project)
        {
            return data;
        }

        try
        {
            return project(data);
        }
        catch (Exception)
        {
            return null;
        }
    }

    // A body cut short (a reset or a lying Content-Length) is worth another attempt; a malformed one is not.
    private static bool IsIncomplete(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Keeps the first ServerText.MaxErrors errors and counts the rest, so a flood of errors cannot flood memory.
    private static (List<PyxisGraphQLError> Errors, int Count) ReadErrors(ref Utf8JsonReader reader)
    {
        var errors = new List<PyxisGraphQLError>();
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            if (reader.TokenType != JsonTokenType.StartObject || errors.Count >= ServerText.MaxErrors)
            {
                reader.Skip();
                continue;
            }

            using var error = JsonDocument.ParseValue(ref reader);
            errors.Add(ToError(error.RootElement));
        }

        return (errors, count);
    }

    private static PyxisGraphQLError ToError(JsonElement error)
    {
        var message = ServerText.Cap(
            error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : error.GetRawText()
        )!;
        var path = new List<string>();
        if (error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array)
        {
            path.AddRange(
                p.EnumerateArray()
                    .Take(64)
                    .Select(s => ServerText.Cap(s.ValueKind == JsonValueKind.String ? s.GetString()! : s.GetRawText(), 256)!)
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

        return new PyxisGraphQLError(message, path, locations) { Extensions = Extensions(error) };
    }

    // Kept whole when small; a server that sends megabytes of extensions gets them dropped, not copied.
    private static JsonElement? Extensions(JsonElement error)
    {
        if (!error.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(extensions);
        return raw.Length <= ServerText.MaxChars ? JsonElement.Parse(raw) : null;
    }
}
