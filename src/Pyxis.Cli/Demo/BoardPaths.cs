using Pyxis.Emulator;

namespace Pyxis.Cli.Demo;

/// <summary>Which (registry, repository) pairs the boards look up.</summary>
internal static class BoardPaths
{
    // Long-lived public repositories, for playing against the real catalog with --endpoint.
    private static readonly (string, string)[] Public =
    [
        ("registry.access.redhat.com", "ubi8/ubi"),
        ("registry.access.redhat.com", "ubi9/ubi"),
        ("registry.access.redhat.com", "ubi8/ubi-minimal"),
        ("registry.access.redhat.com", "ubi9/ubi-minimal"),
        ("registry.access.redhat.com", "ubi8/nodejs-18"),
        ("registry.access.redhat.com", "ubi9/nodejs-18"),
        ("registry.access.redhat.com", "ubi8/python-311"),
        ("registry.access.redhat.com", "ubi9/python-311"),
    ];

    public static IReadOnlyList<(string Registry, string Repository)> For(PyxisEmulator? emulator, int count)
    {
        var pool = emulator?.Catalog.RepositoryPaths(emulator.Catalog.Repositories.Count).ToArray() ?? Public;

        // One unknown board shows that a 404 arrives as null, not as an exception.
        var boards = Enumerable.Range(0, count - 1).Select(i => pool[i % pool.Length]).ToList();
        boards.Insert(count / 2, ("registry.access.redhat.com", "no-such/repository"));
        return boards;
    }
}
