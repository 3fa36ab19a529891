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
                    errors = ReadErrors(ref reader);
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
            throw new PyxisResponseException(request, (truncated ? "the response ended before its JSON did: " : "the response could not be read: ") + ServerText.Cap(ex.Message), ex) { Truncated = truncated };
        }

        if (errors is { Count: > 0 })
        {
            if (!hasData || request.PartialErrors is null)
            {
                throw new PyxisGraphQLException(request, errors);
            }

            request.PartialErrors(errors);
        }

        return hasData ? data! : throw new PyxisResponseException(request, "the response has neither data nor errors");
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

    private static List<PyxisGraphQLError> ReadErrors(ref Utf8JsonReader reader)
    {
        var errors = new List<PyxisGraphQLError>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            using var error = JsonDocument.ParseValue(ref reader);
            errors.Add(ToError(error.RootElement));
        }

        return errors;
    }

    private static PyxisGraphQLError ToError(JsonElement error)
    {
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : error.GetRawText();
        var path = new List<string>();
        if (error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array)
        {
            path.AddRange(p.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString()! : s.GetRawText()));
        }

        var locations = new List<(int, int)>();
        if (error.TryGetProperty("locations", out var l) && l.ValueKind == JsonValueKind.Array)
        {
            foreach (var location in l.EnumerateArray())
            {
                if (location.TryGetProperty("line", out var line) && location.TryGetProperty("column", out var column) &&
                    line.TryGetInt32(out var lineNumber) && column.TryGetInt32(out var columnNumber))
                {
                    locations.Add((lineNumber, columnNumber));
                }
            }
        }

        return new PyxisGraphQLError(message, path, locations);
    }
}
