namespace Pyxis.Client.Tests;

/// <summary>Every Freshmaker parity method returns exactly the catalog's matching records (LINQ over the seed).</summary>
public sealed class CatalogQueryTests : IAsyncLifetime
{
    private EmulatorSession session = null!;

    private IReadOnlyList<Dictionary<string, object?>> Repositories => session.Catalog().Repositories;

    private IReadOnlyList<Dictionary<string, object?>> Images => session.Catalog().Images;

    public async Task InitializeAsync() => session = await EmulatorSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task FindRepositoriesByCriteria_combines_every_criterion()
    {
        var expected = Repositories
            .Where(r =>
                r.Flag("published")
                && r.Strings("release_categories").Contains("Generally Available")
                && r.Strings("auto_rebuild_tags").Contains("9.4")
            )
            .Ids();

        var found = await session
            .Client.FindRepositoriesByCriteriaAsync(
                published: true,
                releaseCategories: ["Generally Available"],
                autoRebuildTags: ["9.4"],
                paging: new PyxisPaging { MaxConcurrency = 2 }
            )
            .ToListAsync();

        Assert.Equal(expected.Order(), found.Select(r => r!.Id!).Order());
        Assert.NotEmpty(found);
    }

    [Fact]
    public async Task FindRepositoriesByRepositoryName_finds_the_path_in_every_registry()
    {
        var name = Repositories[5].Str("repository");

        var found = await session.Client.FindRepositoriesByRepositoryNameAsync(name).ToListAsync();

        Assert.Equal(Repositories.Where(r => r.Str("repository") == name).Ids(), found.Select(r => r!.Id));
    }

    [Fact]
    public async Task FindRepositoriesByRegistryPaths_answers_many_pairs_in_one_request()
    {
        List<(string Registry, string Repository)> pairs = [.. session.Paths(30).Where((_, i) => i % 3 == 0), ("quay.io", "no/such")];
        var before = session.Emulator.Stats.Requests;

        var found = await session.Client.FindRepositoriesByRegistryPathsAsync(pairs).ToListAsync();

        Assert.Equal(pairs.Count - 1, found.Count);
        Assert.Equal(pairs.Take(pairs.Count - 1).Select(p => p.Repository).Order(), found.Select(r => r!.Repository!).Order());
        Assert.Equal(1, session.Emulator.Stats.Requests - before);
    }

    [Fact]
    public async Task FindImagesByNvr_with_and_without_rpms()
    {
        var image = Images[123];

        var plain = await session.Client.FindImagesByNvrAllAsync(image.Build()).ToListAsync();
        var withRpms = await session.Client.FindImagesByNvrAllAsync(image.Build(), includeRpms: true).ToListAsync();

        Assert.Null(Assert.Single(plain)!.Edges);
        Assert.Equal(image.RpmNames(), Assert.Single(withRpms)!.Edges!.RpmManifest!.Data!.Rpms!.Select(r => r!.Name));
    }

    [Fact]
    public async Task FindImagesByNvrs_returns_the_images_of_every_build()
    {
        var nvrs = Images.Where((_, i) => i % 97 == 0).Select(i => i.Build()).Append("missing-1-1").ToList();

        var found = await session.Client.FindImagesByNvrsAsync(nvrs).ToListAsync();

        Assert.Equal(Images.Where(i => nvrs.Contains(i.Build())).Ids().Order(), found.Select(i => i!.Id!).Order());
    }

    [Fact]
    public async Task FindImagesByNames_returns_published_images_of_the_packages()
    {
        var packages = new[] { Images[0].Child("brew").Str("package"), Images[300].Child("brew").Str("package") };

        var found = await session.Client.FindImagesByNamesAsync(packages).ToListAsync();

        var expected = Images.Where(i =>
            packages.Contains(i.Child("brew").Str("package")) && i.Children("repositories").Any(r => r.Flag("published"))
        );
        Assert.Equal(expected.Ids().Order(), found.Select(i => i!.Id!).Order());
    }

    [Fact]
    public async Task FindImagesByRepository_matches_repository_publication_and_tags_on_any_element()
    {
        var repository = Repositories.First(r => r.Flag("published")).Str("repository");

        var found = await session.Client.FindImagesByRepositoryAsync(repository, ["latest"]).ToListAsync();

        var expected = Images.Where(i =>
            i.Children("repositories").Any(r => r.Str("repository") == repository)
            && i.Children("repositories").Any(r => r.Flag("published"))
            && i.Children("repositories").Any(r => r.Children("tags").Any(t => t.Str("name") == "latest"))
        );
        Assert.Equal(expected.Ids().Order(), found.Select(i => i!.Id!).Order());
        Assert.NotEmpty(found);
    }

    [Fact]
    public async Task FindImagesByInstalledRpms_reads_pages_of_50_until_a_short_one_and_keeps_only_requested_rpms()
    {
        var before = session.Emulator.Stats.Requests;

        var found = await session.Client.FindImagesByInstalledRpmsAsync(["curl", "nodejs"], published: true).ToListAsync();

        var candidates = Images.Where(i => i.Children("repositories").Any(r => r.Flag("published"))).ToList();
        var expected = candidates.Where(i => i.RpmNames().Intersect(["curl", "nodejs"]).Any());
        Assert.Equal(expected.Ids().Order(), found.Select(i => i.Id!).Order());
        Assert.All(found, i => Assert.All(i.Edges!.RpmManifest!.Data!.Rpms!, r => Assert.Contains(r!.Name, new[] { "curl", "nodejs" })));
        Assert.Equal(candidates.Count / 50 + 1, session.Emulator.Stats.Requests - before);
    }

    [Fact]
    public async Task FindLatestImagesByNameVersion_picks_the_highest_NVR_by_RPM_version_order()
    {
        var package = Images[0].Child("brew").Str("package");
        var version = Images[0].Child("parsed_data").Children("labels").Single(l => l.Str("name") == "version").Str("value");

        var latest = await session.Client.FindLatestImagesByNameVersionAsync(package, version, published: null);

        // Releases run 1..10: "10" must beat "9" (numeric, not text, order).
        var expectedBuild = $"{package}-{version}-10";
        Assert.All(latest, i => Assert.Equal(expectedBuild, i.Brew!.Build));
        Assert.Equal(Images.Count(i => i.Build() == expectedBuild), latest.Count);
    }
}
