using Pyxis.Client;
using Pyxis.Client.Lambdas;

namespace Corpus;

// ZeroQL's SupportForArray and OnSyntax list shapes (Users(…).Select, nested lists), on images and repositories.
internal static partial class Shapes
{
    [Shape("QueryTests.SupportForArray: static (i, q) => q.Users(i.Filter, 0, 10, o => o.FirstName)")]
    public static async Task<Outcome> PageSelect(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(
            new { Filter = new ContainerRepositoryFilter { Registry = new StringFilter { Eq = "quay.io" } } },
            static (q, v) => q.FindRepositories(null, 0, 100, v.Filter, p => p.Data!.Select(x => x!.Repository).ToList())
        );
        return Is(
            actual.Order(StringComparer.Ordinal),
            c.Repos.Where(r => r.Registry == "quay.io").Select(r => (string?)r.Path).Order(StringComparer.Ordinal)
        );
    }

    [Shape("OnSyntaxTests: .Select(oo => new { oo.Radius, … }) inside a list")]
    public static async Task<Outcome> ListOfAnonymous(IPyxisClient client, Catalog c)
    {
        var i = c.Image(11);
        var actual = await client.QueryAsync(new { i.Nvr }, static (q, v) =>
            q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p => p.Data!.Select(x => new { x!.Id, x.Architecture }).ToList())
        );
        return Is(actual, new[] { new { i.Id, i.Architecture } });
    }

    [Shape("OnSyntaxTests: nested object in a list item, Center = oo.Center(ooo => …)")]
    public static async Task<Outcome> NestedObjectInList(IPyxisClient client, Catalog c)
    {
        var i = c.Image(12);
        var actual = await client.QueryAsync(new { i.Nvr }, static (q, v) =>
            q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p => p.Data!.Select(x => new { x!.Brew!.Build, x.Brew.Package }).ToList())
        );
        return Is(actual, new[] { new { Build = i.Nvr, i.Package } });
    }

    [Shape("OnSyntaxTests: a list inside a list item, SelectMany")]
    public static async Task<Outcome> SelectManyTags(IPyxisClient client, Catalog c)
    {
        var i = c.Image(20);
        var actual = await client.QueryAsync(new { i.Nvr }, static (q, v) =>
            q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p =>
                p.Data!.SelectMany(x => x!.Repositories!).SelectMany(r => r!.Tags!).Select(t => t!.Name).ToList()
            )
        );
        return Is(actual, i.Tags);
    }

    [Shape("QueryTests: First() of a list")]
    public static async Task<Outcome> FirstItem(IPyxisClient client, Catalog c)
    {
        var i = c.Image(21);
        var actual = await client.QueryAsync(new { i.Nvr }, static (q, v) =>
            q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p => p.Data!.First()!.DockerImageDigest)
        );
        return Is(actual, i.Digest);
    }

    [Shape("QueryTests: indexing a list")]
    public static async Task<Outcome> IndexedItem(IPyxisClient client, Catalog c)
    {
        var i = c.Image(22);
        var actual = await client.QueryAsync(new { i.Nvr }, static (q, v) =>
            q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p => p.Data![0]!.ParsedData!.Labels![1]!.Value)
        );
        return Is(actual, i.Labels[1].Value);
    }

    [Shape("QueryTests: Where + Select + FirstOrDefault")]
    public static async Task<Outcome> WhereSelectFirst(IPyxisClient client, Catalog c)
    {
        var i = c.Image(23);
        var actual = await client.QueryAsync(new { i.Nvr }, static (q, v) =>
            q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p =>
                p.Data!.Single()!.ParsedData!.Labels!.Where(l => l!.Name == "version").Select(l => l!.Value).FirstOrDefault()
            )
        );
        return Is(actual, i.Labels.Single(l => l.Name == "version").Value);
    }

    [Shape("QueryTests: Count, Any and All over a list")]
    public static async Task<Outcome> Aggregates(IPyxisClient client, Catalog c)
    {
        var i = c.Image(24);
        var actual = await client.QueryAsync(new { i.Nvr }, static (q, v) => q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p => new
            {
                Labels = p.Data!.Single()!.ParsedData!.Labels!.Count,
                HasVersion = p.Data!.Single()!.ParsedData!.Labels!.Any(l => l!.Name == "version"),
                AllNamed = p.Data!.Single()!.ParsedData!.Labels!.All(l => l!.Name != null),
            }));
        return Is(
            actual,
            new
            {
                Labels = i.Labels.Count,
                HasVersion = true,
                AllNamed = true,
            }
        );
    }

    [Shape("QueryTests: OrderBy and Take over a page")]
    public static async Task<Outcome> OrderByTake(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(0, static (q, _) =>
            q.FindRepositories(null, 0, 100, null, p =>
                p.Data!.OrderBy(x => x!.Repository, StringComparer.Ordinal).Take(3).Select(x => x!.Repository).ToList()
            )
        );
        return Is(actual, c.Repos.Select(r => (string?)r.Path).Order(StringComparer.Ordinal).Take(3));
    }

    [Shape("QueryTests: GroupBy over a page")]
    public static async Task<Outcome> GroupByRegistry(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(0, static (q, _) =>
            q.FindRepositories(null, 0, 100, null, p =>
                p.Data!.GroupBy(x => x!.Registry).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList()
            )
        );
        return Is(
            actual,
            c.Repos.GroupBy(r => (string?)r.Registry).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))
        );
    }

    [Shape("QueryTests: ToDictionary over a page")]
    public static async Task<Outcome> Dictionary(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(new { Registry = "registry.redhat.io" }, static (q, v) =>
            q.FindRepositories(null, 0, 100, new ContainerRepositoryFilter { Registry = new StringFilter { Eq = v.Registry } }, p =>
                p.Data!.ToDictionary(x => x!.Repository!, x => x!.Published)
            )
        );
        return Is(
            actual.OrderBy(p => p.Key, StringComparer.Ordinal),
            c.Repos.Where(r => r.Registry == "registry.redhat.io")
                .OrderBy(r => r.Path, StringComparer.Ordinal)
                .Select(r => new KeyValuePair<string, bool?>(r.Path, r.Published))
        );
    }

    [Shape("QueryTests: Sum over a long field")]
    public static async Task<Outcome> SumOfLongs(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(30);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.FindRepositoryImagesByRegistryPath(v.Registry, v.Path, null, 0, 50, null, p => p.Data!.Sum(x => x!.SumLayerSizeBytes ?? 0))
        );
        return Is(actual, c.Images.Where(i => i.Registry == r.Registry && i.Path == r.Path).Sum(i => i.Size));
    }

    [Shape("QueryTests: paging fields beside the items")]
    public static async Task<Outcome> PagingFields(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(0, static (q, _) =>
            q.FindRepositories(null, 1, 7, null, p => (p.Total, p.Page, p.PageSize, Count: p.Data!.Count))
        );
        return Is(actual, ((int?)c.Repos.Count(), (int?)1, (int?)7, 7));
    }

    [Shape("QueryTests: a list of objects inside an object inside an envelope")]
    public static async Task<Outcome> RpmManifest(IPyxisClient client, Catalog c)
    {
        var i = c.Image(31);
        var actual = await client.QueryAsync(i.Id, static (q, id) =>
            q.GetImage(id, o => o.Data!.Edges!.RpmManifest!.Data!.Rpms!.Select(x => x!.Name).ToList())
        );
        return Is(actual, i.Rpms);
    }

    [Shape("QueryTests: Distinct over a nested list")]
    public static async Task<Outcome> DistinctArchitectures(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(32);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.FindRepositoryImagesByRegistryPath(v.Registry, v.Path, null, 0, 50, null, p =>
                p.Data!.Select(x => x!.Architecture).Distinct().Order(StringComparer.Ordinal).ToList()
            )
        );
        return Is(
            actual,
            c.Images.Where(i => i.Path == r.Path && i.Registry == r.Registry)
                .Select(i => (string?)i.Architecture)
                .Distinct()
                .Order(StringComparer.Ordinal)
        );
    }

    [Shape("QueryTests: scalar list Contains")]
    public static async Task<Outcome> ContainsInScalarList(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(34);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.ReleaseCategories!.Contains("Deprecated"))
        );
        return Is(actual, r.Categories.Contains("Deprecated"));
    }
}
