using System.Diagnostics;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>The real Pyxis schema (the 2025 public one, bundled; the 2022 one as a fixture) and the SDK's curated operations.</summary>
public sealed class PyxisSchemaTests
{
    [Theory]
    [InlineData("schema/pyxis.graphql")]
    [InlineData("tests/Pyxis.Generators.Tests/Fixtures/pyxis-public-2022.graphql")]
    public void The_curated_operations_are_valid_against_both_public_schemas_and_compile_cleanly(string schema)
    {
        var output = GeneratorHarness.Run(
            File.ReadAllText(Path.Combine(RepositoryFiles.Root, schema)),
            RepositoryFiles.OperationPaths.Select(p => (p, File.ReadAllText(p))).ToArray()
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.Contains(output.Sources, s => s.HintName.StartsWith("GetRepositoryByRegistryPathQuery", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bundled_schema_is_the_2025_public_one_with_its_descriptions()
    {
        var schema = File.ReadAllText(RepositoryFiles.SchemaPath);

        Assert.Contains("union _Entity", schema, StringComparison.Ordinal);
        Assert.Contains("get_field_metadata", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("parent_brew_build", schema, StringComparison.Ordinal);
        Assert.Contains("\"\"\"", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_types_reachable_from_the_operations_are_emitted()
    {
        var output = GeneratorHarness.Run(
            File.ReadAllText(RepositoryFiles.SchemaPath),
            (
                "/ops/Q.graphql",
                "query Q($r: String!) { get_repository_by_registry_path(registry: $r, repository: $r) { data { registry } } }"
            )
        );

        Assert.Empty(output.Diagnostics);
        Assert.Single(output.Sources);
    }

    [Fact]
    public void A_typo_in_a_curated_operation_is_reported_at_its_line_and_column()
    {
        var path = RepositoryFiles.OperationPaths.Single(p => p.EndsWith("Fragments.graphql", StringComparison.Ordinal));
        var lines = File.ReadAllLines(path);
        var line = Array.FindIndex(lines, l => l.Trim() == "registry");
        lines[line] = lines[line].Replace("registry", "registryy", StringComparison.Ordinal);
        var operations = RepositoryFiles
            .OperationPaths.Select(p => (p, p == path ? string.Join("\n", lines) : File.ReadAllText(p)))
            .ToArray();

        var output = GeneratorHarness.Run(File.ReadAllText(RepositoryFiles.SchemaPath), operations);

        Assert.All(output.Diagnostics, d => Assert.Equal("PYX005", d.Id));
        var diagnostic = output.Diagnostics.First();
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(
            (line, lines[line].IndexOf('r', StringComparison.Ordinal)),
            (span.StartLinePosition.Line, span.StartLinePosition.Character)
        );
        Assert.Contains("'registryy' does not exist on type 'ContainerRepository'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mutation_gets_its_own_class_and_typed_method_with_its_input_type()
    {
        var output = GeneratorHarness.Run(
            File.ReadAllText(RepositoryFiles.SchemaPath),
            (
                "/ops/UpdateVendor.graphql",
                "mutation UpdateVendor($id: ObjectIDFilterScalar, $input: ContainerVendorInput) {\n  update_vendor(id: $id, input: $input) { data { _id label } error { status detail } }\n}"
            )
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        var source = output.JoinedSource("UpdateVendorMutation");
        Assert.Contains("public static partial class UpdateVendorMutation", source, StringComparison.Ordinal);
        Assert.Contains(
            "UpdateVendorAsync(this global::Pyxis.Client.IPyxisClient client, string? id = null, global::Pyxis.Tests.Generated.ContainerVendorInput? input = null",
            source,
            StringComparison.Ordinal
        );
        Assert.Contains(output.Sources, s => s.HintName == "Inputs/ContainerVendorInput.g.cs");
    }
}
