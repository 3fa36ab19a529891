namespace Pyxis.Emulator.Catalog;

/// <summary>Operator bundles and product listings derived from the seeded repositories, so lookups across them agree.</summary>
internal static class OperatorSeed
{
    private static readonly string[] OcpVersions = ["4.14", "4.15", "4.16"];

    /// <summary>Three releases per <c>openshift4/…</c> repository, each in every OCP index; the last is latest in its channel.</summary>
    public static List<Dictionary<string, object?>> Bundles(IEnumerable<Dictionary<string, object?>> repositories)
    {
        var bundles = new List<Dictionary<string, object?>>();
        foreach (var repository in repositories.Where(r => ((string)r["repository"]!).StartsWith("openshift4/", StringComparison.Ordinal)))
        {
            var package = ((string)repository["repository"]!)["openshift4/".Length..] + "-operator";
            var path = $"{repository["registry"]}/{repository["repository"]}-bundle";
            for (var release = 0; release < 3; release++)
            {
                foreach (var ocp in OcpVersions)
                {
                    var version = $"1.{release}.0";
                    var digest = "sha256:" + Hash($"{path}/{version}");
                    bundles.Add(
                        new()
                        {
                            ["_id"] = Hash($"bundle/{package}/{version}/{ocp}")[..24],
                            ["package"] = package,
                            ["csv_name"] = $"{package}.v{version}",
                            ["version"] = version,
                            ["version_original"] = version,
                            ["channel_name"] = "stable",
                            ["is_default_channel"] = true,
                            ["latest_in_channel"] = release == 2,
                            ["in_index_img"] = true,
                            ["ocp_version"] = ocp,
                            ["organization"] = "redhat-operators",
                            ["bundle_path"] = $"{path}@{digest}",
                            ["bundle_path_digest"] = digest,
                            ["source_index_container_path"] = $"registry.redhat.io/redhat/redhat-operator-index:v{ocp}",
                            ["replaces"] = release == 0 ? null : $"{package}.v1.{release - 1}.0",
                            ["related_images"] = new List<object?>
                            {
                                new Dictionary<string, object?>
                                {
                                    ["name"] = package,
                                    ["image"] =
                                        $"{repository["registry"]}/{repository["repository"]}@sha256:{Hash($"{package}/{version}/image")}",
                                },
                            },
                            ["creation_date"] = "2024-01-01T00:00:00+00:00",
                        }
                    );
                }
            }
        }

        return bundles;
    }

    /// <summary>One published listing per product (<c>ubi8</c>, <c>openshift4</c>, …) holding that product's repositories.</summary>
    public static List<Dictionary<string, object?>> Listings(IEnumerable<Dictionary<string, object?>> repositories) =>
        repositories
            .GroupBy(r => ((string)r["repository"]!).Split('/')[0])
            .Select(g => new Dictionary<string, object?>
            {
                ["_id"] = Hash($"listing/{g.Key}")[..24],
                ["name"] = $"Red Hat {g.Key}",
                ["type"] = "container stack",
                ["published"] = true,
                ["deleted"] = false,
                ["vendor_label"] = "redhat",
                ["repositories"] = g.Select(r => r["_id"]).ToList(),
            })
            .ToList();

    private static string Hash(string text) => SeedCatalog.Hash(text);
}
