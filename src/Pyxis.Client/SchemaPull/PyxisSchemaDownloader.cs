using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pyxis.Client.SchemaPull;

/// <summary>Downloads a server's schema by introspection and prints it as SDL (what <c>pyxis schema pull</c> writes).</summary>
public static class PyxisSchemaDownloader
{
    /// <summary>The schema of the server behind <paramref name="client"/>, as SDL with its descriptions and deprecations.</summary>
    public static async Task<string> PullSdlAsync(this IPyxisClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = Request(IntrospectionQuery.Full);
        JsonElement data;
        try
        {
            data = await client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PyxisGraphQLException ex) when (ex.Errors.Any(e => e.Message.Contains("includeDeprecated", StringComparison.Ordinal)))
        {
            // An older server: deprecated arguments and input fields cannot be asked for, everything else can.
            request = Request(IntrospectionQuery.Compatible);
            data = await client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!data.TryGetProperty("__schema", out var schema) || schema.ValueKind != JsonValueKind.Object)
        {
            throw new PyxisResponseException(request, "the introspection answer has no __schema object");
        }

        return SdlPrinter.Print(schema);
    }

    private static PyxisRequest<JsonElement> Request(string document) =>
        new(IntrospectionQuery.OperationName, document, "{}"u8.ToArray(), static (ref Utf8JsonReader reader) =>
            JsonElement.ParseValue(ref reader)
        );
}

[JsonSerializable(typeof(string))]
internal sealed partial class PyxisSchemaJson : JsonSerializerContext;
