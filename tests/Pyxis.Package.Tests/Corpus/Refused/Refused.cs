using Pyxis.Client;
using Pyxis.Client.Lambdas;
using Pyxis.Client.Schema;

namespace Corpus;

// Shapes the generator refuses. Each "/* expect PYXnnn */" stands right before the expression the error must point
// at: the package test expects that code on that line (a comment stays with its token when the code is reformatted).
// Several come from ZeroQL's own refusals (QueryTests.FailsWhen…); the rest are C# the translation cannot follow.
internal static class Refused
{
    public sealed record V(string Registry, string Path, bool Flag, IReadOnlyList<string> Paths);

    public static async Task All(IPyxisClient client, V vars)
    {
        // QueryTests.FailsWhenAccessingVariablesOutLambdaScope: q.Me(o => q.Me(o => o.FirstName))
        await client.QueryAsync(vars, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => /* expect PYX102 */ q.GetImage(o.Data!.Id, i => i.Data!.Id))
        );
        // QueryTests.FailsWhenMethodCalled: o => o.ToString()
        await client.QueryAsync(vars, static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => /* expect PYX104 */ o.Data!.ToString()));
        await client.QueryAsync(vars, static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => /* expect PYX104 */ o.Data!.GetHashCode()));
        await client.QueryAsync(vars, static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => /* expect PYX104 */ o.Error!.Equals(null)));
        // The query is not a lambda written in place.
        Func<PyxisQuery, V, string?> query = static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id);
        await client.QueryAsync(
            vars, /* expect PYX101 */
            query
        );
        await client.QueryAsync(
            vars, /* expect PYX101 */
            MakeQuery()
        );
        // QueryTests.SupportsLocalStaticFunctionAsFragment: q.Me(GetFirstName), a method group as the selector
        await client.QueryAsync(vars, static (q, v) =>
            q.GetRepositoryByRegistryPath(
                v.Registry,
                v.Path, /* expect PYX101 */
                IdOf
            )
        );
        Func<ContainerRepositoryResponse, string?> selector = static o => o.Data!.Id;
        await client.QueryAsync(vars, (q, v) =>
            q.GetRepositoryByRegistryPath(
                v.Registry,
                v.Path, /* expect PYX101 */
                selector
            )
        );
        // A root field called without its selector (it is an optional parameter after the optional arguments).
        await client.QueryAsync(vars, static (q, v) => /* expect PYX115 */ q.GetImage<string>(v.Path));
        // A Query-root fragment called on one path only.
        await client.QueryAsync(vars, static (q, v) =>
            v.Flag
                ? /* expect PYX102 */
                FirstId(q, v.Path)
                : null
        );
        // A field below the root given an argument computed in the selector, which runs only over the answer.
        await client.QueryAsync(vars, static (q, v) =>
            q.GetImage(v.Path, o =>
                o.Data!.Edges!.RpmManifestWith( /* expect PYX116 */
                    o.Data!.Id,
                    m => m.Data!.Id
                )
            )
        );
        // A value known at run time, but the call is not the first thing the selector does: the recording run cannot reach it.
        await client.QueryAsync(vars, static (q, v) =>
            q.GetImage(v.Path, o =>
                (
                    o.Data!.Architecture,
                    o.Data!.Edges!.RpmManifestWith( /* expect PYX116 */
                        v.Registry,
                        m => m.Data!.Id
                    )
                )
            )
        );
        // A value read in a list lambda: each item would need the answer to be walked.
        await client.QueryAsync(vars, static (q, v) =>
            q.FindImagesByNvr(v.Path, select: p =>
                p.Data!.Select(i =>
                        i!.Edges!.RpmManifestWith( /* expect PYX116 */
                            v.Registry,
                            m => m.Data!.Id
                        )
                    )
                    .ToList()
            )
        );
        // A query wrapper the interceptors cannot call.
        await /* expect PYX117 */
        Hidden(client, q => q.GetImage(vars.Path, o => o.Data!.Id));
        // Root fields that may run zero or many times.
        await client.QueryAsync(vars, static (q, v) =>
            v.Flag
                ? /* expect PYX102 */
                q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id)
                : null
        );
        await client.QueryAsync(vars, static (q, v) =>
            v.Registry.Length > 0
                ? null
                : /* expect PYX102 */
                q.GetImage(v.Path, o => o.Data!.Id)
        );
        await client.QueryAsync(vars, static (q, v) =>
        {
            for (var i = 0; i < v.Paths.Count; i++)
            {
                _ = /* expect PYX102 */
                q.GetImage(v.Paths[i], o => o.Data!.Id);
            }

            return 0;
        });
        await client.QueryAsync(vars, static (q, v) =>
        {
            switch (v.Flag)
            {
                case true:
                    return /* expect PYX102 */
                    q.GetImage(v.Path, o => o.Data!.Id);
                default:
                    return null;
            }
        });
        // A block-bodied query that can return before its root field call (ZeroQL users' early exits).
        await client.QueryAsync(vars, static (q, v) =>
        {
            if (v.Flag)
            {
                return null;
            }

            return /* expect PYX102 */
            q.GetImage(v.Path, o => o.Data!.Id);
        });
        // Computation on a root field's result outside its selector: the recording run has no answer to compute on.
        await client.QueryAsync(vars, static (q, v) => /* expect PYX107 */ q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Repository)!.Trim());
        // One root field's result as another's argument: both are sent in one request.
        await client.QueryAsync(vars, static (q, v) =>
            q.GetImage( /* expect PYX108 */
                q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id),
                o => o.Data!.Id
            )
        );
        // No root field at all.
        await client.QueryAsync(
            vars, /* expect PYX103 */
            static (q, v) => v.Registry
        );
        // Batches repeat exactly one root field.
        await foreach (
            var _ in /* expect PYX106 */
            client.QueryEachAsync([vars], static (q, v) => (q.GetImage(v.Path, o => o.Data!.Id), q.GetImage(v.Registry, o => o.Data!.Id)))
        ) { }
        await foreach (
            var _ in client.QueryAllAsync(vars, static (q, v, page) =>
                q.FindRepositories(null, page.Index, page.Size, null, p =>
                    p.Data!.Select(x =>
                        x!.Id
                        + /* expect PYX102 */
                        q.GetImage(v.Path, o => o.Data!.Id)
                    )
                )
            )
        ) { }
        // A group's Key holding a schema object: a library property, not followed, so its fields would not be asked.
        await client.QueryAsync(vars, static (q, v) =>
            q.GetImage(v.Path, i =>
                i.Data!.Repositories!.GroupBy(x => x?.Tags?.FirstOrDefault())
                    .Select(g => /* expect PYX125 */
                        g.Key?.Name
                    )
                    .ToList()
            )
        );
    }

    private static string? IdOf(ContainerRepositoryResponse o) => o.Data?.Id;

    [PyxisQueryWrapper]
    private static Task<T> Hidden<T>(IPyxisClient client, Func<PyxisQuery, T> query) => client.QueryAsync(query);

    // A wrapper passing its query on to QueryAllAsync: its page is chosen per request, so a carried query cannot go there.
    [PyxisQueryWrapper]
    internal static IAsyncEnumerable<T> Paged<TVars, T>(
        IPyxisClient client,
        TVars vars,
        Func<PyxisQuery, TVars, PyxisPage, IEnumerable<T>?> query
    ) => /* expect PYX117 */
        client.QueryAllAsync(vars, query);

    [PyxisFragment]
    private static string? FirstId(PyxisQuery q, string path) => q.GetImage(path, o => o.Data!.Id);

    private static Func<PyxisQuery, V, string?> MakeQuery() =>
        static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data!.Id);
}
