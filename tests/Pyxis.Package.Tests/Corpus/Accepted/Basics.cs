using Pyxis.Client;
using Pyxis.Client.Lambdas;

namespace Corpus;

// ZeroQL's QueryTests, with Query.me / user(id) read as get_repository_by_registry_path and its envelope.
internal static partial class Shapes
{
    [Shape("QueryTests.SimpleQuery: q => q.Me(o => o.FirstName)")]
    public static async Task<Outcome> Scalar(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(1);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Repository)
        );
        return Is(actual, r.Path);
    }

    [Shape("QueryTests.SupportForAnonymousType: o => new { o.FirstName }")]
    public static async Task<Outcome> AnonymousOneField(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(2);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new { o.Data!.Repository })
        );
        return Is(actual, new { Repository = r.Path });
    }

    [Shape("QueryTests.SupportsAnonymousTypeWithMultipleFields: o => new { o.FirstName, o.LastName }")]
    public static async Task<Outcome> AnonymousFields(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(3);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new
            {
                o.Data!.Registry,
                o.Data.Repository,
                o.Data.Published,
            })
        );
        return Is(
            actual,
            new
            {
                r.Registry,
                Repository = r.Path,
                Published = (bool?)r.Published,
            }
        );
    }

    [Shape("QueryTests.NullableQueryHandled: q.User(10, o => o.FirstName) for a user that does not exist")]
    public static async Task<Outcome> MissingIsNull(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(new { Registry = "quay.io", Path = "no/such" }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new { o.Data?.Repository, o.Error?.Status })
        );
        return Is(actual, new { Repository = (string?)null, Status = (int?)404 });
    }

    [Shape("QueryTests.SupportForMultipleMembers: o => new { o.FirstName.Length }")]
    public static async Task<Outcome> MemberOfScalar(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(4);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new { o.Data!.Repository!.Length })
        );
        return Is(actual, new { r.Path.Length });
    }

    [Shape("QueryTests.SupportNotStaticLambdaWithoutArguments: q => q.Me(o => o.FirstName) (not static)")]
    public static async Task<Outcome> NotStatic(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(5);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id)
        );
        return Is(actual, r.Id);
    }

    [Shape("QueryTests.SupportsAnonymousTypeInQueryRoot: q => new { Me = q.Me(o => new { o.FirstName }) }")]
    public static async Task<Outcome> AnonymousRoot(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(6);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            new { Me = q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new { o.Data!.Repository }) }
        );
        return Is(actual, new { Me = new { Repository = r.Path } });
    }

    [Shape("QueryTests.SupportsAnonymousTypeWithMultipleIdenticalFieldsInRootQuery (skipped in ZeroQL): Me1 = q.Me(…), Me2 = q.Me(…)")]
    public static async Task<Outcome> SameRootFieldTwice(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(7);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            new
            {
                Me1 = q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new { o.Data!.Registry, o.Data.Repository }),
                Me2 = q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new { o.Data!.Registry, o.Data.Repository }),
            }
        );
        return Is(actual, new { Me1 = new { r.Registry, Repository = r.Path }, Me2 = new { r.Registry, Repository = r.Path } });
    }

    [Shape("QueryTests.SupportsAnonymousTypeWithConstantArgumentQuery: q.User(42, o => …)")]
    public static async Task<Outcome> ConstantArguments(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(0);
        var actual = await client.QueryAsync(0, static (q, _) =>
            q.GetRepositoryByRegistryPath("registry.access.redhat.com", "ubi8/ubi", o => new { o.Data!.Id })
        );
        return Is(actual, new { r.Id });
    }

    [Shape("QueryTests.SupportForArrayWithScalarElements: a list of scalars")]
    public static async Task<Outcome> ScalarList(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(8);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.AutoRebuildTags!.ToList())
        );
        return Is(actual, r.Tags);
    }

    [Shape("QueryTests.NamedArgumentsAreSupported: Query(cancellationToken: …, query: …)")]
    public static async Task<Outcome> NamedQueryArguments(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(9);
        using var cts = new CancellationTokenSource();
        var actual = await client.QueryAsync(
            vars: new { r.Registry, r.Path },
            query: static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Registry),
            cancellationToken: cts.Token
        );
        return Is(actual, r.Registry);
    }

    [Shape("OptionalParametersDetectionTests: q.Users(page: 10, size: 10, selector: o => …), named root field arguments")]
    public static async Task<Outcome> NamedRootArguments(IPyxisClient client, Catalog c)
    {
        var total = await client.QueryAsync(0, static (q, _) =>
            q.FindRepositories(sortBy: null, page: 0, pageSize: 5, filter: null, select: p => p.Total)
        );
        return Is(total, c.Repos.Count());
    }

    [Shape("QueryTests.SupportForEnumsWithCast / README: computed values in the selector")]
    public static async Task<Outcome> InterpolatedString(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(10);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => $"{o.Data!.Registry}/{o.Data.Repository} published={o.Data.Published}")
        );
        return Is(actual, $"{r.Registry}/{r.Path} published={r.Published}");
    }

    [Shape("README: user(id) into a record constructor, new User(o.Id, o.FirstName, o.LastName)")]
    public static async Task<Outcome> RecordConstructor(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(11);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new RepoModel(o.Data!.Id, o.Data.Registry, o.Data.Repository))
        );
        return Is(actual, new RepoModel(r.Id, r.Registry, r.Path));
    }

    [Shape("README: object initializer, new UserModel { Id = o.Id, … }")]
    public static async Task<Outcome> ObjectInitializer(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(12);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => new RepoView { Path = o.Data!.Repository, Published = o.Data.Published })
        );
        return Is(actual, new RepoView { Path = r.Path, Published = r.Published });
    }

    [Shape("QueryTests: a tuple result")]
    public static async Task<Outcome> TupleResult(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(13);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => (o.Data!.Id, o.Data.Published))
        );
        return Is(actual, ((string?)r.Id, (bool?)r.Published));
    }

    [Shape("QueryTests: a conditional expression over read fields")]
    public static async Task<Outcome> TernaryOverFields(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(3);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Published == true ? "published" : "hidden")
        );
        return Is(actual, r.Published ? "published" : "hidden");
    }

    [Shape("QueryTests: ?? and ?. over a missing object")]
    public static async Task<Outcome> CoalesceOverMissing(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(new { Registry = "quay.io", Path = "no/such" }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data?.Repository ?? "none")
        );
        return Is(actual, "none");
    }

    [Shape("QueryTests: the envelope's error object")]
    public static async Task<Outcome> EnvelopeError(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(new { Registry = "quay.io", Path = "no/such" }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => (o.Error!.Status, HasDetail: o.Error.Detail != null))
        );
        return Is(actual, ((int?)404, true));
    }

    [Shape("QueryTests: a DateTime scalar")]
    public static async Task<Outcome> DateTimeScalar(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(14);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.CreationDate)
        );
        return Is(actual, (DateTimeOffset?)r.Created);
    }

    [Shape("QueryTests: a switch expression over a read field")]
    public static async Task<Outcome> SwitchOverField(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(15);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Registry switch
                {
                    "quay.io" => 1,
                    "registry.redhat.io" => 2,
                    _ => 3,
                })
        );
        return Is(
            actual,
            r.Registry switch
            {
                "quay.io" => 1,
                "registry.redhat.io" => 2,
                _ => 3,
            }
        );
    }

    [Shape("QueryTests: a selector that reads the same field twice")]
    public static async Task<Outcome> SameFieldTwice(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(16);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Repository + "|" + o.Data.Repository)
        );
        return Is(actual, r.Path + "|" + r.Path);
    }

    [Shape("QueryTests: a null check before reading")]
    public static async Task<Outcome> NullCheck(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(17);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data == null ? null : o.Data.Repository)
        );
        return Is(actual, r.Path);
    }

    [Shape("QueryTests: is { } d pattern")]
    public static async Task<Outcome> PropertyPatternDesignation(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(18);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data is { } d ? d.Registry + "/" + d.Repository : null)
        );
        return Is(actual, r.Registry + "/" + r.Path);
    }

    [Shape("QueryTests: an object returned whole")]
    public static async Task<Outcome> WholeObject(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(19);
        var actual = await client.QueryAsync(new { r.Registry, r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data)
        );
        return Is(
            new
            {
                actual!.Id,
                actual.Registry,
                actual.Repository,
                actual.Published,
            },
            new
            {
                r.Id,
                r.Registry,
                Repository = r.Path,
                Published = (bool?)r.Published,
            }
        );
    }
}

internal sealed record RepoModel(string? Id, string? Registry, string? Path);

internal sealed class RepoView
{
    public string? Path { get; init; }

    public bool? Published { get; init; }
}
