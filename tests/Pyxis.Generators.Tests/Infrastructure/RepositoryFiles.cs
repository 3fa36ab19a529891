namespace Pyxis.Generators.Tests.Infrastructure;

/// <summary>The repository's own schema and curated operations, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SchemaPath => Path.Combine(Root, "schema", "pyxis.graphql");

    public static IEnumerable<string> OperationPaths => Directory.GetFiles(Path.Combine(Root, "schema", "operations"), "*.graphql").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PyxisSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PyxisSdk.sln not found above " + AppContext.BaseDirectory);
    }
}
