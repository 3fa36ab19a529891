using System.Text.Json;

namespace Pyxis.Client.Tests;

/// <summary>
/// The root fields the emulator answers beyond the curated four, asked as users' own operations would ask them:
/// answers agree with the catalog, lookups that find nothing are a 404 envelope, and seeding stays in its emulator.
/// </summary>
public sealed class EmulatorRootFieldTests : IAsyncLifetime
{
    private EmulatorSession session = null!;

    public async Task InitializeAsync() => session = await EmulatorSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task Get_image_and_get_repository_by_id_answer_the_record_or_a_404_envelope()
    {
        var image = session.Emulator.Catalog.Images[42];
        var repository = session.Emulator.Catalog.Repositories[7];

        var found = await AskAsync(
            "query Q($id: ObjectIDFilterScalar) { get_image(id: $id) { data { _id docker_image_digest } error { status } } }",
            new { id = image["_id"] }
        );
        var missing = await AskAsync(
            "query Q($id: ObjectIDFilterScalar) { get_image(id: $id) { data { _id } error { status detail } } }",
            new { id = "000000000000000000000000" }
        );
        var byId = await AskAsync(
            "query Q($id: ObjectIDFilterScalar) { get_repository(id: $id) { data { repository } } }",
            new { id = repository["_id"] }
        );

        Assert.Equal(
            (string)image["docker_image_digest"]!,
            found.GetProperty("get_image").GetProperty("data").GetProperty("docker_image_digest").GetString()
        );
        Assert.Equal(404, missing.GetProperty("get_image").GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("get_image").GetProperty("data").ValueKind);
        Assert.Equal(
            (string)repository["repository"]!,
            byId.GetProperty("get_repository").GetProperty("data").GetProperty("repository").GetString()
        );
    }

    [Fact]
    public async Task Repository_images_by_registry_path_and_tag_match_the_catalog()
    {
        var repository = session.Emulator.Catalog.Repositories[3];
        var (registry, path) = ((string)repository["registry"]!, (string)repository["repository"]!);
        var expected = session
            .Emulator.Catalog.Images.Where(i => Entry(i)["repository"] as string == path && Entry(i)["registry"] as string == registry)
            .ToList();

        var all = await AskAsync(
            "query Q($r: String, $p: String) { find_repository_images_by_registry_path(registry: $r, repository: $p, page_size: 100) { data { _id } total } }",
            new { r = registry, p = path }
        );
        var latest = await AskAsync(
            "query Q($r: String, $p: String) { find_repository_images_by_registry_path_tag(registry: $r, repository: $p, tag: \"latest\") { data { _id } total } }",
            new { r = registry, p = path }
        );

        Assert.Equal(expected.Count, all.GetProperty("find_repository_images_by_registry_path").GetProperty("total").GetInt32());
        Assert.Equal(
            expected.Select(i => (string)i["_id"]!).Order(),
            Ids(all.GetProperty("find_repository_images_by_registry_path")).Order()
        );
        Assert.Equal(
            expected.Where(i => Tags(i).Contains("latest")).Select(i => (string)i["_id"]!),
            Ids(latest.GetProperty("find_repository_images_by_registry_path_tag"))
        );
    }

    [Fact]
    public async Task Operator_bundles_and_product_listings_answer_from_the_catalog()
    {
        var bundle = session.Emulator.Catalog.OperatorBundles.First(b => (bool)b["latest_in_channel"]!);
        var listing = session.Emulator.Catalog.ProductListings[0];
        var repository = session.Emulator.Catalog.Repositories.First(r => ((List<object?>)listing["repositories"]!).Contains(r["_id"]));

        var bundles = await AskAsync(
            "query Q($p: String, $v: String) { find_operator_bundles(package: $p, ocp_version: $v, organization: \"redhat-operators\") { data { csv_name latest_in_channel } total } }",
            new { p = bundle["package"], v = bundle["ocp_version"] }
        );
        var listings = await AskAsync(
            "query Q($r: String, $p: String) { find_repository_product_listings_by_registry_path(registry: $r, repository: $p) { data { _id name } } }",
            new { r = repository["registry"], p = repository["repository"] }
        );

        var csvs = bundles
            .GetProperty("find_operator_bundles")
            .GetProperty("data")
            .EnumerateArray()
            .Select(b => b.GetProperty("csv_name").GetString())
            .ToList();
        Assert.Equal(3, csvs.Count);
        Assert.Contains((string)bundle["csv_name"]!, csvs);
        Assert.Equal(
            (string)listing["_id"]!,
            Assert.Single(Ids(listings.GetProperty("find_repository_product_listings_by_registry_path")))
        );
    }

    [Fact]
    public async Task A_seeded_repository_is_answered_by_its_own_emulator_only()
    {
        await using var other = await EmulatorSession.StartAsync();
        var added = session.Emulator.Catalog.AddRepository("registry.example.com", "team/app", published: false, autoRebuildTags: ["1.0"]);
        session.Emulator.Catalog.AddImage(added, "app-container-1.0-1", "arm64");

        var repository = await session.Client.GetRepositoryByRegistryPathAsync("registry.example.com", "team/app");
        var images = await session.Client.FindImagesByNvrAllAsync("app-container-1.0-1").ToListAsync();
        var elsewhere = await other.Client.GetRepositoryByRegistryPathAsync("registry.example.com", "team/app");

        Assert.Equal(false, repository?.Published);
        Assert.Equal("arm64", Assert.Single(images)!.Architecture);
        Assert.Null(elsewhere);
        Assert.Equal(60, other.Emulator.Catalog.Repositories.Count);
    }

    private async Task<JsonElement> AskAsync(string document, object variables)
    {
        var request = new PyxisRequest<JsonElement>(
            "Q",
            document,
            JsonSerializer.SerializeToUtf8Bytes(variables),
            static (ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader)
        );
        return await session.Client.ExecuteAsync(request);
    }

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("_id").GetString()!);

    private static Dictionary<string, object?> Entry(Dictionary<string, object?> image) =>
        (Dictionary<string, object?>)((List<object?>)image["repositories"]!)[0]!;

    private static IEnumerable<string> Tags(Dictionary<string, object?> image) =>
        ((List<object?>)Entry(image)["tags"]!).Select(t => (string)((Dictionary<string, object?>)t!)["name"]!);
}
