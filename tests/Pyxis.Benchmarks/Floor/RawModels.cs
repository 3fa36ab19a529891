using System.Text.Json.Serialization;

namespace Pyxis.Benchmarks.Floor;

// The floor: what a careful hand-written client would use — plain records and the System.Text.Json source generator.
internal sealed record RawVariables(
    [property: JsonPropertyName("registry")] string Registry,
    [property: JsonPropertyName("repository")] string Repository
);

internal sealed record RawRequest(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("operationName")] string OperationName,
    [property: JsonPropertyName("variables")] RawVariables Variables
);

internal sealed record RawError([property: JsonPropertyName("status")] int? Status, [property: JsonPropertyName("detail")] string? Detail);

internal sealed record RawRepository(
    [property: JsonPropertyName("_id")] string? Id,
    [property: JsonPropertyName("registry")] string? Registry,
    [property: JsonPropertyName("repository")] string? Repository,
    [property: JsonPropertyName("published")] bool? Published,
    [property: JsonPropertyName("vendor_label")] string? VendorLabel,
    [property: JsonPropertyName("release_categories")] List<string?>? ReleaseCategories,
    [property: JsonPropertyName("auto_rebuild_tags")] List<string?>? AutoRebuildTags
);

internal sealed record RawEnvelope(
    [property: JsonPropertyName("data")] RawRepository? Data,
    [property: JsonPropertyName("error")] RawError? Error
);

internal sealed record RawData([property: JsonPropertyName("get_repository_by_registry_path")] RawEnvelope? Lookup);

internal sealed record RawResponse([property: JsonPropertyName("data")] RawData? Data);

[JsonSerializable(typeof(RawRequest))]
[JsonSerializable(typeof(RawResponse))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
