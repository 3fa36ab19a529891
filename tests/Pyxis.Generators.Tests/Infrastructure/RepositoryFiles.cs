namespace Pyxis.Generators.Tests.Infrastructure;

/// <summary>The repository's own schema and curated operations, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root => Pyxis.Testing.RepositoryRoot.Path;

    public static string SchemaPath => Path.Combine(Root, "schema", "pyxis.graphql");

    public static IEnumerable<string> OperationPaths =>
        Directory.GetFiles(Path.Combine(Root, "schema", "operations"), "*.graphql").Order(StringComparer.Ordinal);
}
