namespace Pyxis.Emulator.Catalog;

/// <summary>Records a test adds to its own emulator: each emulator has its own catalog, so seeding never leaks between tests.</summary>
public sealed partial class SeedCatalog
{
    private readonly object gate = new();
    private List<Dictionary<string, object?>> repositories;
    private List<Dictionary<string, object?>> images;
    private List<Dictionary<string, object?>> operatorBundles;
    private List<Dictionary<string, object?>> productListings;
    private bool owned;
    private int added;

    // A fork shares the generated records until something is added; generating a large catalog costs more than copying lists.
    private SeedCatalog(SeedCatalog source)
    {
        repositories = source.repositories;
        images = source.images;
        operatorBundles = source.operatorBundles;
        productListings = source.productListings;
        byPath = source.byPath;
    }

    internal SeedCatalog Fork() => new(this);

    /// <summary>
    /// Adds a repository the emulator then answers for (<c>get_repository_by_registry_path</c>, <c>find_repositories</c>, …).
    /// Seed before the calls that should see it. Returns the record, keyed by schema field names, to add more fields.
    /// </summary>
    public Dictionary<string, object?> AddRepository(
        string registry,
        string repository,
        bool published = true,
        IEnumerable<string>? autoRebuildTags = null,
        IEnumerable<string>? releaseCategories = null
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(registry);
        ArgumentException.ThrowIfNullOrEmpty(repository);
        lock (gate)
        {
            Own();
            var record = new Dictionary<string, object?>
            {
                ["_id"] = ObjectId("added-repo", ++added),
                ["registry"] = registry,
                ["repository"] = repository,
                ["published"] = published,
                ["vendor_label"] = "redhat",
                ["release_categories"] = (releaseCategories ?? ["Generally Available"]).Cast<object?>().ToList(),
                ["auto_rebuild_tags"] = (autoRebuildTags ?? ["latest"]).Cast<object?>().ToList(),
                ["creation_date"] = Date(0),
            };
            repositories.Add(record);
            byPath[(registry, repository)] = record;
            return record;
        }
    }

    /// <summary>
    /// Adds an image of Brew build <paramref name="nvr"/> in <paramref name="repository"/> (a record from <see cref="AddRepository"/> or
    /// <see cref="Repositories"/>).
    /// </summary>
    public Dictionary<string, object?> AddImage(
        Dictionary<string, object?> repository,
        string nvr,
        string architecture = "amd64",
        IEnumerable<string>? tags = null
    )
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrEmpty(nvr);
        lock (gate)
        {
            Own();
            var image = NewImage(repository, 100_000 + ++added, 0, new Random(added));
            var brew = (Dictionary<string, object?>)image["brew"]!;
            brew["build"] = nvr;
            brew["nvra"] = $"{nvr}.{architecture}";
            image["architecture"] = architecture;
            image["docker_image_digest"] = "sha256:" + Hash($"added/{nvr}/{architecture}");
            var repositoryEntry = (Dictionary<string, object?>)((List<object?>)image["repositories"]!)[0]!;
            repositoryEntry["tags"] = (tags ?? ["latest"]).Select(t => (object?)new Dictionary<string, object?> { ["name"] = t }).ToList();
            images.Add(image);
            return image;
        }
    }

    /// <summary>An image made from a <c>create_image</c> mutation's input (input field names are the record's keys).</summary>
    internal Dictionary<string, object?> CreateImage(IReadOnlyDictionary<string, object?> input)
    {
        lock (gate)
        {
            Own();
            var image = new Dictionary<string, object?>(input) { ["_id"] = ObjectId("created-image", ++added) };
            images.Add(image);
            return image;
        }
    }

    private void Own()
    {
        if (!owned)
        {
            (repositories, images, byPath, owned) = ([.. repositories], [.. images], new(byPath), true);
        }
    }
}
