using Pyxis.Client;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>Each curated operation against the emulator on loopback returns exactly the seeded catalog's records.</summary>
public sealed class CuratedOperationTests : IAsyncLifetime
{
    private PyxisEmulator emulator = null!;
    private PyxisClient client = null!;

    public async Task InitializeAsync()
    {
        emulator = await PyxisEmulator.StartAsync();
        client = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task GetRepositoryByRegistryPath_returns_the_seeded_repository()
    {
        var seeded = emulator.Catalog.Repositories[7];

        var repository = await client.GetRepositoryByRegistryPathAsync((string)seeded["registry"]!, (string)seeded["repository"]!);

        Assert.NotNull(repository);
        Assert.Equal(seeded["_id"], repository.Id);
        Assert.Equal(seeded["registry"], repository.Registry);
        Assert.Equal(seeded["repository"], repository.Repository);
        Assert.Equal(seeded["published"], repository.Published);
        Assert.Equal(((List<object?>)seeded["auto_rebuild_tags"]!).Cast<string?>(), repository.AutoRebuildTags!);
    }

    [Fact]
    public async Task An_unknown_repository_is_null_because_Pyxis_answers_404()
    {
        Assert.Null(await client.GetRepositoryByRegistryPathAsync("registry.access.redhat.com", "no/such-repository"));
    }

    [Fact]
    public async Task User_strings_travel_as_variables_so_quotes_cannot_break_the_query()
    {
        var hostile = "x\") { data { _id } } } query Evil { find_images { total ";

        Assert.Null(await client.GetRepositoryByRegistryPathAsync("registry.access.redhat.com", hostile));
        Assert.DoesNotContain("Evil", GetRepositoryByRegistryPathQuery.CreateRequest("r", hostile).Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindRepositories_filters_and_pages_like_the_catalog()
    {
        var filter = new ContainerRepositoryFilter
        {
            And =
            [
                new ContainerRepositoryFilter { Registry = new StringFilter { Eq = "registry.redhat.io" } },
                new ContainerRepositoryFilter { Published = new BooleanFilter { Eq = true } },
            ],
        };
        var expected = emulator
            .Catalog.Repositories.Where(r => (string)r["registry"]! == "registry.redhat.io" && (bool)r["published"]!)
            .Select(r => (string)r["repository"]!)
            .ToList();

        var page0 = await client.FindRepositoriesAsync(filter, page: 0, pageSize: 5);
        var page1 = await client.FindRepositoriesAsync(filter, page: 1, pageSize: 5);

        Assert.Equal(expected.Count, page0.Total);
        Assert.Equal(expected.Take(10), page0.Data!.Concat(page1.Data!).Select(r => r!.Repository));
        Assert.Equal((0, 5), (page0.Page, page0.PageSize));
    }

    [Fact]
    public async Task Repositories_from_two_operations_read_alike_through_their_fragment_interface()
    {
        var seeded = emulator.Catalog.Repositories[11];
        var (registry, path) = ((string)seeded["registry"]!, (string)seeded["repository"]!);
        var filter = new ContainerRepositoryFilter
        {
            And =
            [
                new ContainerRepositoryFilter { Registry = new StringFilter { Eq = registry } },
                new ContainerRepositoryFilter { Repository = new StringFilter { Eq = path } },
            ],
        };

        var single = await client.GetRepositoryByRegistryPathAsync(registry, path);
        var page = await client.FindRepositoriesAsync(filter);

        Assert.Equal(seeded["_id"], Describe(single!)[0]);
        Assert.Equal(Describe(single!), Describe(Assert.Single(page.Data!)!));
    }

    [Fact]
    public async Task FindImagesByNvr_returns_the_build_images_with_nested_selections()
    {
        var seeded = emulator.Catalog.Images[42];
        var nvr = (string)((Dictionary<string, object?>)seeded["brew"]!)["build"]!;

        var page = await client.FindImagesByNvrAsync(nvr);

        var image = Assert.Single(page.Data!);
        Assert.Equal(seeded["docker_image_digest"], image!.DockerImageDigest);
        Assert.Equal(nvr, image.Brew!.Build);
        Assert.Contains(image.ParsedData!.Labels!, l => l!.Name == "com.redhat.component");
        Assert.Equal(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(4 * 20 + 2), image.Repositories![0]!.PublishedDate);
    }

    [Fact]
    public async Task FindImages_applies_nested_filters_and_sorts_by_published_date_descending()
    {
        var repository = (string)emulator.Catalog.Repositories[3]["repository"]!;
        var filter = new ContainerImageFilter
        {
            Repositories = new ContainerImageRepoListFilter { Repository = new StringFilter { Eq = repository } },
        };
        var sort = new[]
        {
            new SortBy { Field = "repositories.published_date", Order = SortDirectionEnum.Desc },
        };
        var expected = emulator
            .Catalog.Images.Where(i =>
                ((List<object?>)i["repositories"]!).Cast<Dictionary<string, object?>>().Any(r => (string)r["repository"]! == repository)
            )
            .OrderByDescending(
                i => (string)((Dictionary<string, object?>)((List<object?>)i["repositories"]!)[0]!)["published_date"]!,
                StringComparer.Ordinal
            )
            .Select(i => (string)i["_id"]!)
            .ToList();

        var page = await client.FindImagesAsync(filter, sort, page: 0, pageSize: 100);

        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected, page.Data!.Select(i => i!.Id));
    }

    private static List<object?> Describe(IRepositoryFields repository) =>
        [
            repository.Id,
            repository.Registry,
            repository.Repository,
            repository.Published,
            repository.VendorLabel,
            string.Join(",", repository.ReleaseCategories ?? []),
            string.Join(",", repository.AutoRebuildTags ?? []),
        ];
}
