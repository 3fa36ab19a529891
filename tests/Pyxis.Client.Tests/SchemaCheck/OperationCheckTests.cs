using Pyxis.Client.SchemaCheck;

namespace Pyxis.Client.Tests.SchemaCheck;

/// <summary>Which operations a change breaks: by what they use, and by validating their documents against the new schema.</summary>
public sealed class OperationCheckTests
{
    private static readonly string Bundled = PyxisSchemaCheck.BundledSchema;
    private static readonly string Curated = Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "operations");

    [Fact]
    public void Every_curated_and_test_operation_validates_against_the_bundled_schema()
    {
        var testOperations = Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "tests", "Pyxis.Client.Tests", "Pyxis");
        var operations = PyxisOperationSources.ReadFolder(Curated).Concat(PyxisOperationSources.ReadFolder(testOperations)).ToList();

        var report = PyxisSchemaCheck.Check(Bundled, Bundled, operations);

        var written = Directory
            .EnumerateFiles(Curated, "*.graphql")
            .Concat(Directory.EnumerateFiles(testOperations, "*.graphql"))
            .SelectMany(File.ReadLines)
            .Count(l => l.StartsWith("query ", StringComparison.Ordinal) || l.StartsWith("mutation ", StringComparison.Ordinal));
        Assert.Equal(written, operations.Count);
        Assert.Empty(report.BrokenOperations);
        Assert.Empty(report.Changes);
    }

    [Fact]
    public void A_removed_field_names_every_operation_that_selects_it_through_a_fragment_with_file_and_line()
    {
        var edited = Bundled.Replace("  auto_rebuild_tags: [String]\n", "  auto_rebuild_tag_list: [String]\n", StringComparison.Ordinal);

        var report = PyxisSchemaCheck.Check(Bundled, edited, PyxisOperationSources.ReadFolder(Curated));

        var change = Assert.Single(report.Changes, c => c.Coordinate == "ContainerRepository.auto_rebuild_tags");
        Assert.Equal(("FIELD_REMOVED", SchemaChangeSeverity.Breaking), (change.Kind, change.Severity));
        // Both curated operations that spread RepositoryFields, and no other.
        Assert.Equal(
            ["FindRepositories", "GetRepositoryByRegistryPath"],
            change.Operations.Select(o => o.Name).Order(StringComparer.Ordinal)
        );
        var broken = Assert.Single(report.BrokenOperations, b => b.Operation.Name == "GetRepositoryByRegistryPath");
        Assert.EndsWith("GetRepositoryByRegistryPath.graphql", broken.Operation.File, StringComparison.Ordinal);
        var lines = File.ReadAllLines(broken.Operation.File);
        Assert.StartsWith("query GetRepositoryByRegistryPath", lines[broken.Operation.Line - 1], StringComparison.Ordinal);
        Assert.Contains(broken.Reasons, r => r.Contains("ContainerRepository has no field auto_rebuild_tags", StringComparison.Ordinal));
        Assert.DoesNotContain(report.BrokenOperations, b => b.Operation.Name.StartsWith("FindImages", StringComparison.Ordinal));
    }

    [Fact]
    public void An_argument_made_required_or_retyped_breaks_the_operations_that_call_the_field()
    {
        const string before = "type Query { image(id: ID, lang: String): Image } type Image { id: ID }";
        PyxisOperationInfo[] operations =
        [
            Operation("ById", "query ById($id: ID) { image(id: $id) { id } }"),
            Operation("Literal", "query Literal { image(id: \"x\") { id } }"),
            Operation("Other", "query Other { __typename }"),
        ];

        var required = PyxisSchemaCheck.Check(
            before,
            before.Replace("lang: String", "lang: String!", StringComparison.Ordinal),
            operations
        );
        var retyped = PyxisSchemaCheck.Check(before, before.Replace("id: ID, lang", "id: ID!, lang", StringComparison.Ordinal), operations);

        Assert.Equal(["ById", "Literal"], required.BrokenOperations.Select(b => b.Operation.Name));
        Assert.Contains("needs argument lang (String!)", required.BrokenOperations[0].Reasons[^1], StringComparison.Ordinal);
        // A literal "x" is still an ID!; only the nullable variable no longer fits.
        var byId = Assert.Single(retyped.BrokenOperations);
        Assert.Equal("ById", byId.Operation.Name);
        Assert.Contains("$id is ID, but Query.image(id:) is now ID!", byId.Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_enum_value_breaks_an_operation_that_may_send_it_and_an_added_one_is_dangerous_for_readers()
    {
        const string before = "type Query { find(sort: Sort): [Item] } type Item { sort: Sort } enum Sort { ASC DESC }";
        PyxisOperationInfo[] operations =
        [
            Operation("Sends", "query Sends($sort: Sort) { find(sort: $sort) { __typename } }"),
            Operation("Reads", "query Reads { find { sort } }"),
        ];

        var removed = PyxisSchemaCheck.Check(before, before.Replace("ASC DESC", "ASC", StringComparison.Ordinal), operations);
        var added = PyxisSchemaCheck.Check(before, before.Replace("ASC DESC", "ASC DESC NONE", StringComparison.Ordinal), operations);

        Assert.Equal("Sends", Assert.Single(removed.BrokenOperations).Operation.Name);
        Assert.Empty(added.BrokenOperations);
        Assert.Equal("Reads", Assert.Single(Assert.Single(added.Changes).Operations).Name);
    }

    [Fact]
    public void A_manifest_file_is_read_and_a_broken_one_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pyxis-operations-{Guid.NewGuid():N}.json");
        const string document = "query Q { __typename }";
        File.WriteAllText(
            path,
            $$"""{"version":1,"schema":"Pyxis","operations":[{"name":"Q","kind":"lambda","operationType":"query","document":"{{document}}","id":"x","file":"Program.cs","line":12,"column":5}]}"""
        );
        try
        {
            var operation = Assert.Single(PyxisOperationSources.ReadManifest(path));
            Assert.Equal(
                new PyxisOperationInfo("Q", "lambda", "query", document, "x", "Program.cs", 12, 5) { Schema = "Pyxis" },
                operation
            );
            File.WriteAllText(path, """{"operations":[]}""");
            Assert.Contains(
                "not a version 1 operation manifest",
                Assert.Throws<PyxisSchemaCheckException>(() => PyxisOperationSources.ReadManifest(path)).Message,
                StringComparison.Ordinal
            );
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static PyxisOperationInfo Operation(string name, string document) =>
        new(name, "operation", "query", document, "", name + ".graphql", 1, 1);
}
