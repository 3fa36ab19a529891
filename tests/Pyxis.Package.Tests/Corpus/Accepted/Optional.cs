using Pyxis.Client;
using Pyxis.Client.Lambdas;
using Pyxis.Client.Schema;

namespace Corpus;

// Issue 16 item 3, the forms still missing: optional arguments, Query-root fragments, arguments below the root, wrappers.
internal static partial class Shapes
{
    [Shape("OptionalParametersDetectionTests: q.Users(o => …), every nullable argument left out (the server's defaults apply)")]
    public static async Task<Outcome> OptionalArgumentsLeftOut(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(static q => q.FindRepositories(p => (p.Total, p.Data!.Count)));
        return Is(actual, (c.Repos.Count(), Math.Min(50, c.Repos.Count())));
    }

    [Shape("OptionalParametersDetectionTests: q.Users(page: …, selector: …), one optional argument given by name")]
    public static async Task<Outcome> OptionalArgumentByName(IPyxisClient client, Catalog c)
    {
        var size = 3;
        var actual = await client.QueryAsync(q => q.FindRepositories(pageSize: size, select: p => p.Data!.Count));
        return Is(actual, Math.Min(size, c.Repos.Count()));
    }

    [Shape("FragmentTests / docs 1.fragments.md: a fragment over the Query root (its root fields asked where it is called)")]
    public static async Task<Outcome> QueryRootFragment(IPyxisClient client, Catalog c)
    {
        var i = c.Image(47);
        var r = c.Repo(42);
        var actual = await client.QueryAsync(
            new
            {
                i.Id,
                r.Registry,
                r.Path,
            },
            static (q, v) => (q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Repository), q.ImageFacts(v.Id))
        );
        return Is(actual, (r.Path, (i.Id, i.Architecture)));
    }

    [Shape("QueryTests: arguments on a field below the root, o => o.Posts(page: 1, selector: p => …), beside the field without them")]
    public static async Task<Outcome> FieldArgumentsBelowTheRoot(IPyxisClient client, Catalog c)
    {
        var i = c.Image(48);
        var actual = await client.QueryAsync(i.Id, static (q, id) =>
            q.GetImage(id, o =>
                (
                    o.Data!.Edges!.RpmManifestWith(id: "manifest", select: m => m.Data!.Rpms!.Select(x => x!.Name).ToList()),
                    o.Data!.Edges!.RpmManifest!.Data!.Rpms!.Count
                )
            )
        );
        return Is(actual, (i.Rpms, i.Rpms.Count));
    }

    [Shape("VariablesTests: an argument below the root from a captured local, o => o.Posts(page, …), sent as a variable of the operation")]
    public static async Task<Outcome> FieldArgumentFromCapturedLocal(IPyxisClient client, Catalog c)
    {
        var i = c.Image(55);
        var manifest = "manifest-" + i.Id;
        var actual = await client.QueryAsync(q =>
            q.GetImage(i.Id, o => o.Data!.Edges!.RpmManifestWith(manifest, m => m.Data!.Rpms!.Select(x => x!.Name).ToList()))
        );
        return Is(actual, i.Rpms);
    }

    [Shape("VariablesTests: an argument below the root from the variables object, (i, q) => q.User(i.Id, o => o.Posts(i.Page, …))")]
    public static async Task<Outcome> FieldArgumentFromVariables(IPyxisClient client, Catalog c)
    {
        var i = c.Image(56);
        var actual = await client.QueryAsync(new { i.Id, Manifest = "manifest" }, static (q, v) =>
            q.GetImage(v.Id, o => (o.Data?.Edges?.RpmManifestWith(id: v.Manifest, select: m => m.Data!.Rpms!.Count), o.Data!.Architecture))
        );
        return Is(actual, (i.Rpms.Count, i.Architecture));
    }

    [Shape("QueryTests: an argument below the root from a parameter of the enclosing method, in a block-bodied selector")]
    public static async Task<Outcome> FieldArgumentFromParameter(IPyxisClient client, Catalog c)
    {
        var i = c.Image(58);
        return Is(await RpmsOf(client, i.Id, "manifest-" + i.Id), (i.Rpms.First(), i.Rpms.Count));
    }

    private static Task<(string?, int)> RpmsOf(IPyxisClient client, string id, string manifest) =>
        client.QueryAsync(q => q.GetImage(id, o =>
            {
                var rpms = o.Data!.Edges!.RpmManifestWith(manifest, m => m.Data!.Rpms!.Select(x => x!.Name).ToList());
                return (rpms?.First(), rpms?.Count ?? 0);
            }));

    [Shape("README: a wrapper of your own around QueryAsync, marked [PyxisQueryWrapper], its callers' lambdas translated")]
    public static async Task<Outcome> QueryWrapper(IPyxisClient client, Catalog c)
    {
        var i = c.Image(49);
        var calls = 0;
        var actual = await client.Counted(q => q.GetImage(i.Id, o => o.Data!.Architecture), () => calls++);
        return Is((actual, calls), (i.Architecture, 1));
    }

    [PyxisQueryWrapper]
    internal static async Task<T> Counted<T>(
        this IPyxisClient client,
        Func<PyxisQuery, T> query,
        Action counted,
        CancellationToken cancellationToken = default
    )
    {
        counted();
        return await client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
    }

    [Shape("README: a wrapper of your own around QueryAsync(vars, (q, v) => …), its callers' variables object sent as GraphQL variables")]
    public static async Task<Outcome> QueryWrapperWithVariables(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(43);
        var tags = new List<string>();
        var actual = await client.Tagged(
            new { r.Registry, r.Path },
            static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => (o.Data!.Registry, o.Data!.Repository)),
            tags.Add
        );
        return Is((actual, string.Join(",", tags)), ((r.Registry, r.Path), "tagged"));
    }

    [PyxisQueryWrapper]
    internal static async Task<T> Tagged<TVars, T>(
        this IPyxisClient client,
        TVars vars,
        Func<PyxisQuery, TVars, T> query,
        Action<string> tag,
        CancellationToken cancellationToken = default
    )
    {
        tag("tagged");
        return await client.QueryAsync(vars, query, cancellationToken).ConfigureAwait(false);
    }

    [PyxisFragment]
    private static (string? Id, string? Architecture) ImageFacts(this PyxisQuery q, string id) =>
        (q.GetImage(id, o => o.Data!.Id), q.GetImage(id, o => o.Data!.Architecture));
}
