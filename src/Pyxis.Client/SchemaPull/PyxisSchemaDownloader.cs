using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pyxis.Client.SchemaPull;

/// <summary>Downloads a server's schema by introspection and prints it as SDL (what <c>pyxis schema pull</c> writes).</summary>
public static class PyxisSchemaDownloader
{
    /// <summary>The schema of the server behind <paramref name="client"/>, as SDL.</summary>
    public static async Task<string> PullSdlAsync(this IPyxisClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new PyxisRequest<JsonElement>(IntrospectionQuery.OperationName, IntrospectionQuery.Document, "{}"u8.ToArray(), static (ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader));
        var data = await client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        if (!data.TryGetProperty("__schema", out var schema) || schema.ValueKind != JsonValueKind.Object)
        {
            throw new PyxisResponseException(request, "the introspection answer has no __schema object");
        }

        return SdlPrinter.Print(schema);
    }
}

[JsonSerializable(typeof(string))]
internal sealed partial class PyxisSchemaJson : JsonSerializerContext;
