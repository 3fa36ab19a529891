using Pyxis.Client;
using Pyxis.Client.Lambdas;
using Pyxis.Client.Schema;

namespace Corpus;

// ZeroQL's FragmentTests and docs/articles/1.fragments.md: [GraphQLFragment] methods, here [PyxisFragment].
internal static partial class Shapes
{
    [Shape("FragmentTests: o => new UserModel(o.FirstName, o.LastName, o.Role(o => o.Name)), nested object in a constructor")]
    public static async Task<Outcome> NestedInConstructor(IPyxisClient client, Catalog c)
    {
        var i = c.Image(40);
        var actual = await client.QueryAsync(i.Id, static (q, id) =>
            q.GetImage(id, o => new ImageModel(o.Data!.Architecture, o.Data.Brew!.Build, o.Data.ParsedData!.Labels!.Count))
        );
        return Is(actual, new ImageModel(i.Architecture, i.Nvr, i.Labels.Count));
    }

    [Shape("FragmentTests.AsUserWithRoleNameExpression: an expression-bodied fragment, called as a static method")]
    public static async Task<Outcome> ExpressionFragment(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(41);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => Fragments.Summary(o.Data!))
        );
        return Is(actual, new RepoSummary(r.Path, r.Published));
    }

    [Shape("FragmentTests.AsUserWithRoleNameBody: a block-bodied fragment")]
    public static async Task<Outcome> BlockFragment(IPyxisClient client, Catalog c)
    {
        var i = c.Image(42);
        var actual = await client.QueryAsync(i.Id, static (q, id) => q.GetImage(id, o => Fragments.Build(o.Data!)));
        return Is(actual, new ImageModel(i.Architecture, i.Nvr, i.Labels.Count));
    }

    [Shape("FragmentTests.AsUserWithRoleNameInitializers: a fragment with an object initializer")]
    public static async Task<Outcome> InitializerFragment(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(43);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => Fragments.View(o.Data!))
        );
        return Is(actual, new RepoView { Path = r.Path, Published = r.Published });
    }

    [Shape("docs 1.fragments.md: one fragment used by two root fields (GetMeAndFriend)")]
    public static async Task<Outcome> FragmentOnTwoRoots(IPyxisClient client, Catalog c)
    {
        var (a, b) = (c.Repo(44), c.Repo(45));
        var actual = await client.QueryAsync(new { A = a, B = b }, static (q, v) =>
            new
            {
                Me = q.GetRepositoryByRegistryPath(v.A.Registry, v.A.Path, o => Fragments.Summary(o.Data!)),
                Friend = q.GetRepositoryByRegistryPath(v.B.Registry, v.B.Path, o => Fragments.Summary(o.Data!)),
            }
        );
        return Is(actual, new { Me = new RepoSummary(a.Path, a.Published), Friend = new RepoSummary(b.Path, b.Published) });
    }

    [Shape("FragmentTests: a fragment over each item of a list")]
    public static async Task<Outcome> FragmentInSelect(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(46);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.FindRepositoryImagesByRegistryPath(v.Registry, v.Path, null, 0, 50, null, p =>
                p.Data!.Select(x => Fragments.Build(x!)).OrderBy(m => m.Build, StringComparer.Ordinal).ToList()
            )
        );
        return Is(
            actual,
            c.Images.Where(i => i.Path == r.Path && i.Registry == r.Registry)
                .Select(i => new ImageModel(i.Architecture, i.Nvr, i.Labels.Count))
                .OrderBy(m => m.Build, StringComparer.Ordinal)
        );
    }

    [Shape("FragmentTests: a fragment beside fields read directly")]
    public static async Task<Outcome> FragmentBesideFields(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(47);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => (o.Data!.Id, Fragments.Summary(o.Data!)))
        );
        return Is(actual, ((string?)r.Id, new RepoSummary(r.Path, r.Published)));
    }
}

internal sealed record ImageModel(string? Architecture, string? Build, int Labels);

internal sealed record RepoSummary(string? Path, bool? Published);

/// <summary>Fragment methods: the lambdas that call them ask for exactly the fields they read.</summary>
internal static class Fragments
{
    [PyxisFragment]
    public static RepoSummary Summary(ContainerRepository r) => new(r.Repository, r.Published);

    [PyxisFragment]
    public static ImageModel Build(ContainerImage image)
    {
        var labels = image.ParsedData!.Labels!.Count;
        return new ImageModel(image.Architecture, image.Brew!.Build, labels);
    }

    [PyxisFragment]
    public static RepoView View(ContainerRepository r) => new() { Path = r.Repository, Published = r.Published };
}
