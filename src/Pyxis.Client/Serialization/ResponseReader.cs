using System.Runtime.InteropServices;
using System.Text.Json;
using Pyxis.Client.Runtime;

namespace Pyxis.Client.Serialization;

/// <summary>
/// Reads the GraphQL response envelope <c>{ data, errors }</c> in one pass, in whatever key order the server chose, then
/// applies the request's <see cref="PyxisRootCheck{TData}"/> to what was read: every failure is built from the call.
/// </summary>
internal static class ResponseReader
{
    /// <summary>
    /// The typed answer of <paramref name="call"/>; <paramref name="whole"/> says whether it is a well-formed success
    /// worth keeping in the result cache, decided from this one read.
    /// </summary>
    public static TData Read<TData>(PyxisRequest<TData> request, in PyxisCall call, ReadOnlySpan<byte> body, out bool whole)
    {
        var data = ReadEnvelope(request, call, body, out var partial);
        whole = !partial && (request.Check?.Verify(call, data) ?? (data is not Lambdas.PyxisQueryRoot root || root.IsWhole));
        return data;
    }

    private static TData ReadEnvelope<TData>(PyxisRequest<TData> request, in PyxisCall call, ReadOnlySpan<byte> body, out bool partial)
    {
        partial = false;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        TData? data = default;
        var hasData = false;
        List<PyxisGraphQLError>? errors = null;
        var errorCount = 0;
        ulong seen = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new PyxisJsonException("the response is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = Key(ref reader);
                if ((seen & key) != 0)
                {
                    throw PyxisJson.Duplicate(Name(key));
                }

                seen |= key;

                reader.Read();
                if (key == DataKey && reader.TokenType != JsonTokenType.Null)
                {
                    data = request.ReadData(ref reader);
                    hasData = true;
                }
                else if (key == ErrorsKey && reader.TokenType != JsonTokenType.Null)
                {
                    (errors, errorCount) = GraphQLErrorReader.Read(call, body, ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            ExpectEnd(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or PyxisJsonException or InvalidOperationException)
        {
            // A body cut short is the cause whatever a reader tripped over first (an alias check sees the first key of a
            // half-sent batch): it is retried like any broken-off transfer.
            var truncated = IsIncomplete(body);
            throw new PyxisResponseException(
                call,
                (truncated ? "the response ended before its JSON did: " : "the response could not be read: ") + ServerText.Cap(ex.Message),
                ex
            )
            {
                Truncated = truncated,
            };
        }

        if (errors is { Count: > 0 } && (!hasData || !request.KeepsPartialErrors))
        {
            throw new PyxisGraphQLException(call, errors, errorCount) { PartialData = hasData ? Partial(request, data!) : null };
        }

        if (!hasData)
        {
            throw new PyxisResponseException(call, "the response has neither data nor errors");
        }

        if (request.KeepsPartialErrors && data is IToldOfCall told)
        {
            told.Told(call, errors ?? []); // an alias batch's answer: its lookups' failures are built from this call
            partial = errors is { Count: > 0 };
        }

        return data!;
    }

    /// <summary>Data that keeps the call it came from (an alias batch's answer), to describe its lookups' failures.</summary>
    internal interface IToldOfCall
    {
        void Told(in PyxisCall call, IReadOnlyList<PyxisGraphQLError> errors);
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

    private const ulong DataKey = 1,
        ErrorsKey = 2,
        ExtensionsKey = 4;

    private static string Name(ulong key) =>
        key switch
        {
            DataKey => "data",
            ErrorsKey => "errors",
            _ => "extensions",
        };

    // The envelope's own keys, each a bit, so a second one is refused (the last would otherwise win); others are skipped.
    private static ulong Key(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("data"u8) ? DataKey
        : reader.ValueTextEquals("errors"u8) ? ErrorsKey
        : reader.ValueTextEquals("extensions"u8) ? ExtensionsKey
        : 0;

    // One JSON document, and nothing after it: a second document or stray bytes mean the body is not what was sent.
    private static void ExpectEnd(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
        {
            throw new PyxisJsonException("the response's top-level object is malformed");
        }

        try
        {
            if (!reader.Read())
            {
                return;
            }
        }
        catch (JsonException)
        {
            // Utf8JsonReader refuses a second value outright; either way there is content after the answer.
        }

        throw new PyxisJsonException($"the response has content after its JSON object (at byte {reader.BytesConsumed})");
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
}
