using System.Collections.Concurrent;
using Pyxis.Client;
using Pyxis.Emulator.Catalog;

namespace Corpus;

/// <summary>Marks a corpus shape; <see cref="From"/> names the ZeroQL test or document it is modeled on.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ShapeAttribute(string from) : Attribute
{
    public string From { get; } = from;
}

/// <summary>What a shape answered and what the emulator's catalog says it must answer; compared as JSON.</summary>
internal sealed record Outcome(object? Actual, object? Expected);

/// <summary>Shapes live in partial files, one per theme.</summary>
internal static partial class Shapes
{
    private static Outcome Is(object? actual, object? expected) => new(actual, expected);
}

/// <summary>Forwards to the real client and keeps the documents sent, for the snapshot.</summary>
internal sealed class RecordingClient(IPyxisClient inner) : IPyxisClient
{
    public ConcurrentQueue<string> Documents { get; } = new();

    public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Documents.Contains(request.Document))
        {
            Documents.Enqueue(request.Document);
        }

        return inner.ExecuteAsync(request, cancellationToken);
    }
}

/// <summary>The emulator's seeded records as typed values, so expected answers are computed, not written down.</summary>
internal sealed class Catalog(SeedCatalog seed)
{
    // The seeded images only: mutation shapes add images of their own.
    private readonly List<Img> images = seed.Images.Select(Img.Of).ToList();

    public const string Broken = "broken/repo";

    public SeedCatalog Seed { get; } = seed;

    public Repo Repo(int index) => Corpus.Repo.Of(Seed.Repositories[index]);

    public IEnumerable<Repo> Repos => Seed.Repositories.Select(Corpus.Repo.Of);

    public Img Image(int index) => images[index];

    public IEnumerable<Img> Images => images;
}

internal sealed record Repo(
    string Id,
    string Registry,
    string Path,
    bool Published,
    List<string> Tags,
    List<string> Categories,
    DateTimeOffset Created
)
{
    public static Repo Of(Dictionary<string, object?> r) =>
        new(
            (string)r["_id"]!,
            (string)r["registry"]!,
            (string)r["repository"]!,
            (bool)r["published"]!,
            Strings(r["auto_rebuild_tags"]),
            Strings(r["release_categories"]),
            DateTimeOffset.Parse((string)r["creation_date"]!, System.Globalization.CultureInfo.InvariantCulture)
        );

    internal static List<string> Strings(object? list) => ((List<object?>)list!).Cast<string>().ToList();
}

internal sealed record Img(
    string Id,
    string Architecture,
    string Digest,
    string Nvr,
    string Package,
    List<(string Name, string Value)> Labels,
    List<string> Tags,
    List<string> ContentSets,
    List<string> Rpms,
    long Size,
    string Registry,
    string Path
)
{
    public static Img Of(Dictionary<string, object?> i)
    {
        var brew = (Dictionary<string, object?>)i["brew"]!;
        var repository = (Dictionary<string, object?>)((List<object?>)i["repositories"]!)[0]!;
        var labels = (List<object?>)((Dictionary<string, object?>)i["parsed_data"]!)["labels"]!;
        var rpms = (List<object?>)((Dictionary<string, object?>)i["rpm_manifest"]!)["rpms"]!;
        return new(
            (string)i["_id"]!,
            (string)i["architecture"]!,
            (string)i["docker_image_digest"]!,
            (string)brew["build"]!,
            (string)brew["package"]!,
            labels.Cast<Dictionary<string, object?>>().Select(l => ((string)l["name"]!, (string)l["value"]!)).ToList(),
            ((List<object?>)repository["tags"]!).Cast<Dictionary<string, object?>>().Select(t => (string)t["name"]!).ToList(),
            Corpus.Repo.Strings(i["content_sets"]),
            rpms.Cast<Dictionary<string, object?>>().Select(r => (string)r["name"]!).ToList(),
            (long)i["sum_layer_size_bytes"]!,
            (string)repository["registry"]!,
            (string)repository["repository"]!
        );
    }
}
