using Pyxis.Client;
using Pyxis.Client.Lambdas;
using Pyxis.Client.Schema;

namespace Corpus;

// The forms ZeroQL users write that the first lambda reader refused or answered wrongly (issue 16), now translated.
internal static partial class Shapes
{
    [Shape("QueryTests: a parenthesized selector parameter, (o) => …")]
    public static async Task<Outcome> ParenthesizedSelector(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(35);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, (o) => o.Data!.Id)
        );
        return Is(actual, r.Id);
    }

    [Shape("QueryTests: a typed selector parameter, (User o) => …")]
    public static async Task<Outcome> TypedSelector(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(36);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, (ContainerRepositoryResponse o) => o.Data!.Id)
        );
        return Is(actual, r.Id);
    }

    [Shape("README: typed query lambda parameters, static (PyxisQuery q, Vars v) => …")]
    public static async Task<Outcome> TypedQueryParameters(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(37);
        var actual = await client.QueryAsync(new PathVars(r.Registry, r.Path), static (PyxisQuery q, PathVars v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id)
        );
        return Is(actual, r.Id);
    }

    [Shape("OptionalParametersDetectionTests: named arguments in any order, the selector first")]
    public static async Task<Outcome> NamedSelectorFirst(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(38);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(select: o => o.Data!.Id, repository: v.Path, registry: v.Registry)
        );
        return Is(actual, r.Id);
    }

    [Shape("FragmentTests / docs 1.fragments.md: o => o.AsUserModel(), a fragment as an extension method")]
    public static async Task<Outcome> ExtensionFragment(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(39);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.AsSummary())
        );
        return Is(actual, new RepoSummary(r.Path, r.Published));
    }

    [Shape("QueryTests: a block-bodied selector keeping the data in a local and reading a nested object through it")]
    public static async Task<Outcome> BlockLocalNested(IPyxisClient client, Catalog c)
    {
        var i = c.Image(45);
        var actual = await client.QueryAsync(i.Id, static (q, id) => q.GetImage(id, o =>
            {
                var d = o.Data!;
                return d.Brew!.Build;
            }));
        return Is(actual, i.Nvr);
    }

    [Shape("QueryTests: a designation nested in a property pattern, o is { Data: { } d } ? d.X : o.Error")]
    public static async Task<Outcome> NestedPatternDesignation(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(40);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o is { Data: { } d } ? d.Repository : o.Error!.Detail)
        );
        return Is(actual, r.Path);
    }

    [Shape("QueryTests: a list pattern with a designation")]
    public static async Task<Outcome> ListPattern(IPyxisClient client, Catalog c)
    {
        var i = c.Image(46);
        var actual = await client.QueryAsync(new { i.Nvr }, static (q, v) =>
            q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p => p.Data is [{ Architecture: var a }] ? a : null)
        );
        return Is(actual, i.Architecture);
    }

    [Shape("QueryTests: deconstruction in a block body")]
    public static async Task<Outcome> Deconstruction(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(41);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o =>
            {
                var (registry, path) = (o.Data!.Registry, o.Data.Repository);
                return registry + "/" + path;
            })
        );
        return Is(actual, r.Registry + "/" + r.Path);
    }

    [Shape("QueryTests: a switch expression with property patterns over the envelope")]
    public static async Task<Outcome> SwitchOnPatterns(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(3);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o switch
                {
                    { Data: { Published: true } d } => d.Repository,
                    { Data: { } d } => "hidden " + d.Repository,
                    _ => o.Error!.Detail,
                })
        );
        return Is(actual, r.Published ? r.Path : "hidden " + r.Path);
    }

    [Shape("docs 1.fragments.md: a block-bodied query lambda with its root calls in locals")]
    public static async Task<Outcome> BlockBodiedQuery(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(42);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
        {
            var id = q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id);
            var published = q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Published);
            return (id, published);
        });
        return Is(actual, ((string?)r.Id, (bool?)r.Published));
    }
}

/// <summary>Fragments written as extension methods, ZeroQL's usual form.</summary>
internal static class FragmentExtensions
{
    [PyxisFragment]
    public static RepoSummary AsSummary(this ContainerRepository r) => new(r.Repository, r.Published);
}
