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

        return SdlPrinter.Print(data.GetProperty("__schema"));
    }

    // Checked while the answer is read, inside the call, so the failure carries the answer's status and trace_id.
    private static PyxisRequest<JsonElement> Request(string document) =>
        new(IntrospectionQuery.OperationName, document, "{}"u8.ToArray(), static (ref Utf8JsonReader reader) =>
        {
            var data = JsonElement.ParseValue(ref reader);
            return
                data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("__schema", out var schema)
                && schema.ValueKind == JsonValueKind.Object
                ? data
                : throw new Serialization.PyxisJsonException("the introspection answer has no __schema object");
        });
}

[JsonSerializable(typeof(string))]
internal sealed partial class PyxisSchemaJson : JsonSerializerContext;
