using Pyxis.Client;
using Pyxis.Client.Lambdas;

namespace Corpus;

// ZeroQL's VariablesTests and README: values from a variables object, closures, locals and constants.
internal static partial class Shapes
{
    private const string UbiRegistry = "registry.access.redhat.com";

    [Shape("VariablesTests: static (i, q) => q.User(i.Id, o => o.Id)")]
    public static async Task<Outcome> AnonymousVariables(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(20);
        var actual = await client.QueryAsync(new { Reg = r.Registry, Repo = r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Reg, v.Repo, o => o.Data!.Id)
        );
        return Is(actual, r.Id);
    }

    [Shape("VariablesTests: variables as a tuple")]
    public static async Task<Outcome> TupleVariables(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(21);
        var actual = await client.QueryAsync((r.Registry, r.Path), static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id)
        );
        return Is(actual, r.Id);
    }

    [Shape("VariablesTests: variables as a record")]
    public static async Task<Outcome> RecordVariables(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(22);
        var actual = await client.QueryAsync(new PathVars(r.Registry, r.Path), static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id)
        );
        return Is(actual, r.Id);
    }

    [Shape("VariablesTests: the variables object is a plain string")]
    public static async Task<Outcome> ScalarVariables(IPyxisClient client, Catalog c)
    {
        var i = c.Image(3);
        var actual = await client.QueryAsync(i.Id, static (q, id) => q.GetImage(id, o => o.Data!.Architecture));
        return Is(actual, i.Architecture);
    }

    [Shape("VariablesTests.SupportForVariablesPassedViaClosure: q => q.UsersByIds(userIds, …)")]
    public static async Task<Outcome> ClosureVariables(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(23);
        var (registry, path) = (r.Registry, r.Path);
        var actual = await client.QueryAsync(0, (q, _) => q.GetRepositoryByRegistryPath(registry, path, o => o.Data!.Id));
        return Is(actual, r.Id);
    }

    [Shape("VariablesTests: a local function wrapping the query, ExecuteLocal(int id) => client.Query(q => q.User(id, …))")]
    public static async Task<Outcome> LocalFunctionParameter(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(24);
        Task<string?> Local(string registry, string path) =>
            client.QueryAsync((registry, path), static (q, v) => q.GetRepositoryByRegistryPath(v.registry, v.path, o => o.Data!.Id));
        return Is(await Local(r.Registry, r.Path), r.Id);
    }

    [Shape("VariablesTests: a constant field as an argument")]
    public static async Task<Outcome> ConstantField(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(0);
        var actual = await client.QueryAsync(r.Path, static (q, path) => q.GetRepositoryByRegistryPath(UbiRegistry, path, o => o.Data!.Id));
        return Is(actual, r.Id);
    }

    [Shape("VariablesTests: an expression computed from variables as an argument")]
    public static async Task<Outcome> ComputedArgument(IPyxisClient client, Catalog c)
    {
        var r = c.Repo(25);
        var actual = await client.QueryAsync(new { Full = r.Registry + "|" + r.Path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Full.Split('|')[0], v.Full.Split('|')[1], o => o.Data!.Id)
        );
        return Is(actual, r.Id);
    }

    [Shape("VariablesTests.UsersByIds: a list variable inside an input filter")]
    public static async Task<Outcome> ListInFilter(IPyxisClient client, Catalog c)
    {
        var wanted = c.Repos.Take(4).ToList();
        var actual = await client.QueryAsync(wanted.Select(r => r.Path).ToList(), static (q, paths) =>
            q.FindRepositories(null, 0, 50, new ContainerRepositoryFilter { Repository = new StringFilter { In = paths } }, p =>
                p.Data!.Select(x => x!.Id).ToList()
            )
        );
        return Is(
            actual.Order(StringComparer.Ordinal),
            c.Repos.Where(r => wanted.Any(w => w.Path == r.Path)).Select(r => (string?)r.Id).Order(StringComparer.Ordinal)
        );
    }

    [Shape("VariablesTests: an input object with a nested or-list")]
    public static async Task<Outcome> OrFilter(IPyxisClient client, Catalog c)
    {
        var (a, b) = (c.Repo(26), c.Repo(27));
        var actual = await client.QueryAsync(new { A = a.Path, B = b.Path }, static (q, v) =>
            q.FindRepositories(
                null,
                0,
                50,
                new ContainerRepositoryFilter
                {
                    Or = [new() { Repository = new StringFilter { Eq = v.A } }, new() { Repository = new StringFilter { Eq = v.B } }],
                },
                p => p.Total
            )
        );
        return Is(actual, c.Repos.Count(r => r.Path == a.Path || r.Path == b.Path));
    }

    [Shape("VariablesTests.UsersByKind(UserKind.Bad, …): an enum constant in an input")]
    public static async Task<Outcome> EnumInInput(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(0, static (q, _) =>
            q.FindRepositories([new SortBy { Field = "repository", Order = SortDirectionEnum.Desc }], 0, 3, null, p =>
                p.Data!.Select(x => x!.Repository).ToList()
            )
        );
        return Is(actual, c.Repos.Select(r => (string?)r.Path).OrderDescending(StringComparer.Ordinal).Take(3));
    }

    [Shape("VariablesTests: new int() as an argument (refused by ZeroQL, a value here)")]
    public static async Task<Outcome> NewIntArgument(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(0, static (q, _) => q.FindRepositories(null, new int(), 2, null, p => p.Data!.Count));
        return Is(actual, 2);
    }

    [Shape("VariablesTests: a boolean filter from the variables")]
    public static async Task<Outcome> BooleanFilter(IPyxisClient client, Catalog c)
    {
        var actual = await client.QueryAsync(new { Published = false }, static (q, v) =>
            q.FindRepositories(null, 0, 100, new ContainerRepositoryFilter { Published = new BooleanFilter { Eq = v.Published } }, p =>
                p.Total
            )
        );
        return Is(actual, c.Repos.Count(r => !r.Published));
    }
}

internal sealed record PathVars(string Registry, string Path);
