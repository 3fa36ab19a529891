using System.Security.Cryptography;
using System.Text;

namespace Pyxis.Emulator.Catalog;

/// <summary>
/// A deterministic Pyxis catalog: the same seed always gives the same registries, repositories and
/// images, so tests can compare answers with LINQ over <see cref="Repositories"/> and <see cref="Images"/>.
/// Records are dictionaries keyed by the schema's snake_case field names.
/// </summary>
public sealed partial class SeedCatalog
{
    private static readonly string[] Registries = ["registry.access.redhat.com", "registry.redhat.io", "quay.io"];
    private static readonly string[] Products = ["ubi8", "ubi9", "rhel8", "rhel9", "openshift4", "rhosp17"];
    private static readonly string[] Components =
    [
        "ubi",
        "ubi-minimal",
        "nodejs-18",
        "python-311",
        "httpd-24",
        "postgresql-15",
        "nginx-122",
        "openjdk-17",
        "ruby-31",
        "php-81",
    ];
    private static readonly string[] Architectures = ["amd64", "arm64", "ppc64le", "s390x"];

    private Dictionary<(string Registry, string Repository), Dictionary<string, object?>> byPath;

    public SeedCatalog(int seed = 42, int repositoryCount = 60, int imagesPerRepository = 10)
    {
        var random = new Random(seed);
        var repositories = new List<Dictionary<string, object?>>();
        var images = new List<Dictionary<string, object?>>();
        for (var i = 0; i < repositoryCount; i++)
        {
            var repository = NewRepository(i, random);
            repositories.Add(repository);
            for (var j = 0; j < imagesPerRepository; j++)
            {
                images.Add(NewImage(repository, i, j, random));
            }
        }

        this.repositories = repositories;
        this.images = images;
        byPath = repositories.ToDictionary(r => ((string)r["registry"]!, (string)r["repository"]!));
        (operatorBundles, productListings) = (OperatorSeed.Bundles(repositories), OperatorSeed.Listings(repositories));
    }

    /// <summary>Repository records (<c>ContainerRepository</c> fields).</summary>
    public IReadOnlyList<Dictionary<string, object?>> Repositories => repositories;

    /// <summary>Image records (<c>ContainerImage</c> fields), ten per repository by default.</summary>
    public IReadOnlyList<Dictionary<string, object?>> Images => images;

    /// <summary>Operator bundle records, one per release of each <c>openshift4/…</c> repository's operator.</summary>
    public IReadOnlyList<Dictionary<string, object?>> OperatorBundles => operatorBundles;

    /// <summary>Product listings, one per product, naming their repositories by <c>_id</c>.</summary>
    public IReadOnlyList<Dictionary<string, object?>> ProductListings => productListings;

    /// <summary>The repository at a registry path, or null; the emulator's hottest lookup, so it is indexed.</summary>
    public Dictionary<string, object?>? FindRepository(string? registry, string? repository) =>
        registry is not null && repository is not null && byPath.TryGetValue((registry, repository), out var found) ? found : null;

    /// <summary>The (registry, repository) pairs of the first <paramref name="count"/> repositories.</summary>
    public IEnumerable<(string Registry, string Repository)> RepositoryPaths(int count) =>
        Repositories.Take(count).Select(r => ((string)r["registry"]!, (string)r["repository"]!));

    private static Dictionary<string, object?> NewRepository(int index, Random random)
    {
        var product = Products[index % Products.Length];
        var component = Components[index / Products.Length % Components.Length];
        var suffix = index / (Products.Length * Components.Length);
        var name = suffix == 0 ? $"{product}/{component}" : $"{product}/{component}-{suffix}";
        return new()
        {
            ["_id"] = ObjectId("repo", index),
            ["registry"] = Registries[index % Registries.Length],
            ["repository"] = name,
            ["published"] = index % 7 != 3,
            ["vendor_label"] = "redhat",
            ["release_categories"] = new List<object?> { index % 5 == 0 ? "Deprecated" : "Generally Available" },
            ["auto_rebuild_tags"] = new List<object?> { "latest", product.EndsWith('9') ? "9.4" : "8.10" },
            ["creation_date"] = Date(index),
        };
    }

    private static Dictionary<string, object?> NewImage(Dictionary<string, object?> repository, int repoIndex, int index, Random random)
    {
        var package = ((string)repository["repository"]!).Replace('/', '-') + "-container";
        // Generated repositories have ["latest", version]; a test's own may have anything.
        var version = (repository.Get("auto_rebuild_tags") as List<object?>)?.OfType<string>().LastOrDefault(t => char.IsDigit(t[0]))
            ?? "1.0";
        var release = $"{index + 1}";
        var nvr = $"{package}-{version}-{release}";
        var imageId = "sha256:" + Hash($"id/{nvr}/{index}");
        var manifest = new Dictionary<string, object?> { ["image_id"] = imageId, ["rpms"] = Rpms(package, version, index) };
        var tags = new List<object?> { new Dictionary<string, object?> { ["name"] = $"{version}-{release}" } };
        if (index == 0)
            tags.Add(new Dictionary<string, object?> { ["name"] = "latest" });
        return new()
        {
            ["_id"] = ObjectId("image", repoIndex * 1000 + index),
            ["architecture"] = Architectures[(repoIndex + index) % Architectures.Length],
            ["docker_image_digest"] = "sha256:" + Hash($"{nvr}/{index}"),
            ["image_id"] = imageId,
            ["brew"] = new Dictionary<string, object?>
            {
                ["build"] = nvr,
                ["package"] = package,
                ["nvra"] = nvr + ".x86_64",
            },
            ["content_sets"] = new List<object?>
            {
                $"rhel-{version[0]}-for-x86_64-appstream-rpms",
                $"rhel-{version[0]}-for-x86_64-baseos-rpms",
            },
            ["parsed_data"] = new Dictionary<string, object?>
            {
                ["labels"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["name"] = "com.redhat.component", ["value"] = package },
                    new Dictionary<string, object?> { ["name"] = "version", ["value"] = version },
                    new Dictionary<string, object?> { ["name"] = "release", ["value"] = release },
                },
            },
            ["repositories"] = new List<object?>
            {
                new Dictionary<string, object?>
                {
                    ["registry"] = repository["registry"],
                    ["repository"] = repository["repository"],
                    ["published"] = repository["published"],
                    ["published_date"] = Date(repoIndex * 20 + index),
                    ["tags"] = tags,
                },
            },
            ["creation_date"] = Date(repoIndex * 20 + index),
            ["sum_layer_size_bytes"] = 50_000_000L + random.Next(0, 100_000_000),
            ["rpm_manifest"] = manifest,
            ["edges"] = new Dictionary<string, object?>
            {
                ["rpm_manifest"] = new Dictionary<string, object?> { ["data"] = manifest, ["error"] = null },
            },
        };
    }

    // Every image has the base RPMs; the component's own RPM and an odd/even extra tell images apart.
    private static List<object?> Rpms(string package, string version, int index)
    {
        var component = package.Split('-')[1];
        var names = new List<string> { "bash", "glibc", "openssl-libs", component, index % 2 == 0 ? "curl" : "wget" };
        return names
            .Select(name =>
                (object?)
                    new Dictionary<string, object?>
                    {
                        ["name"] = name,
                        ["nvra"] = $"{name}-{version}.{index}-1.el{version[0]}.x86_64",
                        ["srpm_name"] = name,
                        ["srpm_nevra"] = $"{name}-0:{version}.{index}-1.el{version[0]}.src",
                    }
            )
            .ToList();
    }

    private static string ObjectId(string kind, int index) => Hash(kind + index)[..24];

    private static string Date(int offsetDays) =>
        new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(offsetDays).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'");

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
