using Pyxis.Client;
using Pyxis.Client.Batching;
using Pyxis.Client.Lambdas;

namespace Corpus;

// ZeroQL's MutationTests, OnSyntaxTests (unions), QueryDataIsReturnedWhenErrorHappens, and the other root fields.
internal static partial class Shapes
{
    [Shape("MutationTests: Mutation(static m => m.AddUser(\"Jon\", \"Smith\", o => o.FirstName)), constants")]
    public static async Task<Outcome> MutationConstants(IPyxisClient client, Catalog c)
    {
        var actual = await client.MutateAsync(0, static (m, _) =>
            m.CreateImage(new ContainerImageInput { Architecture = "s390x" }, o => o.Data!.Architecture)
        );
        return Is(actual, "s390x");
    }

    [Shape("MutationTests: Mutation(new { FirstName, LastName }, static (v, m) => m.AddUser(v.FirstName, v.LastName, …))")]
    public static async Task<Outcome> MutationVariables(IPyxisClient client, Catalog c)
    {
        var before = c.Seed.Images.Count;
        var actual = await client.MutateAsync(new { Input = new ContainerImageInput { Architecture = "ppc64le" } }, static (m, v) =>
            m.CreateImage(v.Input, o => o.Data!.Id != null)
        );
        return Is((actual, c.Seed.Images.Count), (true, before + 1));
    }

    [Shape("QueryTests.QueryDataIsReturnedWhenErrorHappens: data and errors, the lambda's own result as partial data")]
    public static async Task<Outcome> PartialData(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(50);
        try
        {
            await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
                (
                    Found: q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Repository),
                    Failed: q.GetRepositoryByRegistryPath(v.Registry, Catalog.Broken, o => o.Data!.Id)
                )
            );
            return Is("no exception", "PyxisGraphQLException");
        }
        catch (PyxisGraphQLException e)
        {
            return Is((e.GetPartialData<(string?, string?)>(), e.Errors[0].Message), ((r.Path, (string?)null), "rpm manifest unavailable"));
        }
    }

    [Shape("OnSyntaxTests: ooo.On<Circle>() narrowing a union")]
    public static async Task<Outcome> UnionOn(IPyxisClient client, Catalog c)
    {
        var listing = c.Seed.ProductListings[0];
        var representations = System
            .Text.Json.JsonDocument.Parse($$"""[{"__typename":"ProductListingFederated","_id":"{{listing["_id"]}}"}]""")
            .RootElement.EnumerateArray()
            .ToList();
        var actual = await client.QueryAsync(representations, static (q, v) =>
            q.Entities(v, e => e.Select(x => new { x!.Typename, x.On<Pyxis.Client.Schema.ProductListingFederated>()?.Name }).ToList())
        );
        return Is(actual, new[] { new { Typename = (string?)"ProductListingFederated", Name = (string?)listing["name"] } });
    }

    [Shape("OnSyntaxTests: a union member the lambda does not name is null")]
    public static async Task<Outcome> UnionOther(IPyxisClient client, Catalog c)
    {
        var listing = c.Seed.ProductListings[1];
        var representations = System
            .Text.Json.JsonDocument.Parse(
                $$"""[{"__typename":"PublicProductListingFunctionalInfo","productListingId":"{{listing["_id"]}}"}]"""
            )
            .RootElement.EnumerateArray()
            .ToList();
        var actual = await client.QueryAsync(representations, static (q, v) =>
            q.Entities(v, e => e.Select(x => (x!.Typename, x.On<Pyxis.Client.Schema.ProductListingFederated>()?.Name)).ToList())
        );
        return Is(actual, new[] { ((string?)"PublicProductListingFunctionalInfo", (string?)null) });
    }

    [Shape("README: a federated root field (no envelope)")]
    public static async Task<Outcome> FederatedRoot(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(51);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.RepositoryByRegistry(v.Registry, v.Path, o => (o.Id, o.Published))
        );
        return Is(actual, ((string?)r.Id, (bool?)r.Published));
    }

    [Shape("README: a repository by id")]
    public static async Task<Outcome> ById(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(52);
        var actual = await client.QueryAsync(r.Id, static (q, id) => q.GetRepository(id, o => o.Data!.Repository));
        return Is(actual, r.Path);
    }

    [Shape("README: images of a repository, a second paginated root field")]
    public static async Task<Outcome> RepositoryImages(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(53);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.FindRepositoryImagesByRegistryPath(v.Registry, v.Path, null, 0, 50, null, p =>
                p.Data!.Select(x => x!.Brew!.Build).Order(StringComparer.Ordinal).ToList()
            )
        );
        return Is(
            actual,
            c.Images.Where(i => i.Path == r.Path && i.Registry == r.Registry).Select(i => (string?)i.Nvr).Order(StringComparer.Ordinal)
        );
    }

    [Shape("README: operator bundles filtered by package")]
    public static async Task<Outcome> OperatorBundles(IPyxisClient client, Catalog c)
    {
        var bundle = c.Seed.OperatorBundles[0];
        var package = (string)bundle["package"]!;
        var actual = await client.QueryAsync(new { Package = package }, static (q, v) =>
            q.FindOperatorBundles(0, 100, null, null, null, null, v.Package, null, null, p =>
                p.Data!.Select(b => b!.Version).Distinct().Order(StringComparer.Ordinal).ToList()
            )
        );
        return Is(
            actual,
            c.Seed.OperatorBundles.Where(b => (string)b["package"]! == package)
                .Select(b => (string?)b["version"])
                .Distinct()
                .Order(StringComparer.Ordinal)
        );
    }

    [Shape("README: a product listing by id")]
    public static async Task<Outcome> ProductListing(IPyxisClient client, Catalog c)
    {
        var listing = c.Seed.ProductListings[2];
        var actual = await client.QueryAsync((string)listing["_id"]!, static (q, id) =>
            q.GetProductListing(id, o => (o.Data!.Name, o.Data.Published))
        );
        return Is(actual, ((string?)listing["name"], (bool?)listing["published"]));
    }

    [Shape("README: two different root fields in one request")]
    public static async Task<Outcome> TwoDifferentRoots(IPyxisClient client, Catalog c)
    {
        var (r, i) = (c.Repo(54), c.Image(54));
        var actual = await client.QueryAsync(
            new
            {
                r.Registry,
                r.Path,
                Image = i.Id,
            },
            static (q, v) =>
                new
                {
                    Repository = q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id),
                    Architecture = q.GetImage(v.Image, o => o.Data!.Architecture),
                }
        );
        return Is(actual, new { Repository = (string?)r.Id, Architecture = (string?)i.Architecture });
    }

    [Shape("README: three root fields, the last one missing")]
    public static async Task<Outcome> ThreeRoots(IPyxisClient client, Catalog c)
    {
        var (a, b) = (c.Repo(55), c.Repo(56));
        var actual = await client.QueryAsync(new { A = a, B = b }, static (q, v) =>
            (
                q.GetRepositoryByRegistryPath(v.A.Registry, v.A.Path, o => o.Data?.Id),
                q.GetRepositoryByRegistryPath(v.B.Registry, v.B.Path, o => o.Data?.Id),
                q.GetRepositoryByRegistryPath(v.B.Registry, "no/such", o => o.Data?.Id)
            )
        );
        return Is(actual, ((string?)a.Id, (string?)b.Id, (string?)null));
    }

    [Shape("WrapperTests (batching form): one lambda over many inputs, QueryEachAsync")]
    public static async Task<Outcome> Each(IPyxisClient client, Catalog c)
    {
        var paths = c.Repos.Take(12).Select(r => (r.Registry, r.Path)).ToList();
        var items = await client
            .QueryEachAsync(
                paths,
                static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data?.Id),
                new BatchOptions { AliasesPerRequest = 5 }
            )
            .ToListAsync();
        return Is(
            items.Select(i => (i.Input.Path, i.Value)).OrderBy(p => p.Path, StringComparer.Ordinal),
            c.Repos.Take(12).Select(r => (r.Path, (string?)r.Id)).OrderBy(p => p.Path, StringComparer.Ordinal)
        );
    }

    [Shape("QueryTests.SupportForArray with pages: every page, QueryAllAsync")]
    public static async Task<Outcome> AllPages(IPyxisClient client, Catalog c)
    {
        var ids = await client
            .QueryAllAsync(
                new { Registry = "quay.io" },
                static (q, v, page) =>
                    q.FindRepositories(
                        null,
                        page.Index,
                        page.Size,
                        new ContainerRepositoryFilter { Registry = new StringFilter { Eq = v.Registry } },
                        p => p.Data!.Select(x => x!.Id!)
                    ),
                pageSize: 6
            )
            .ToListAsync();
        return Is(
            ids.Order(StringComparer.Ordinal),
            c.Repos.Where(r => r.Registry == "quay.io").Select(r => r.Id).Order(StringComparer.Ordinal)
        );
    }

    [Shape("CancellationTokenTests: a cancellation token passed on")]
    public static async Task<Outcome> WithCancellationToken(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(57);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var actual = await client.QueryAsync(
            new { r.Registry, r.Path },
            static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id),
            cts.Token
        );
        return Is(actual, r.Id);
    }
}
