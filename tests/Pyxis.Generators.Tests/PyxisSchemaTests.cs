using System.Diagnostics;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>The real 557-type Pyxis schema and the SDK's curated operations.</summary>
public sealed class PyxisSchemaTests
{
    [Fact]
    public void The_curated_operations_generate_code_that_compiles_cleanly_against_the_runtime()
    {
        var output = GeneratorHarness.Run(
            File.ReadAllText(RepositoryFiles.SchemaPath),
            RepositoryFiles.OperationPaths.Select(p => (p, File.ReadAllText(p))).ToArray());

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.Contains(output.Sources, s => s.HintName.StartsWith("GetRepositoryByRegistryPathQuery", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_types_reachable_from_the_operations_are_emitted()
    {
        var output = GeneratorHarness.Run(
            File.ReadAllText(RepositoryFiles.SchemaPath),
            ("/ops/Q.graphql", "query Q($r: String!) { get_repository_by_registry_path(registry: $r, repository: $r) { data { registry } } }"));

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
        var operations = RepositoryFiles.OperationPaths.Select(p => (p, p == path ? string.Join("\n", lines) : File.ReadAllText(p))).ToArray();

        var output = GeneratorHarness.Run(File.ReadAllText(RepositoryFiles.SchemaPath), operations);

        Assert.All(output.Diagnostics, d => Assert.Equal("PYX005", d.Id));
        var diagnostic = output.Diagnostics.First();
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, lines[line].IndexOf('r', StringComparison.Ordinal)), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains("'registryy' does not exist on type 'ContainerRepository'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mutation_gets_its_own_class_and_typed_method_with_its_input_type()
    {
        var output = GeneratorHarness.Run(
            File.ReadAllText(RepositoryFiles.SchemaPath),
            ("/ops/UpdateVendor.graphql", "mutation UpdateVendor($id: ObjectIDFilterScalar, $input: ContainerVendorInput) {\n  update_vendor(id: $id, input: $input) { data { _id label } error { status detail } }\n}"));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        var source = output.Source("UpdateVendorMutation");
        Assert.Contains("public static partial class UpdateVendorMutation", source, StringComparison.Ordinal);
        Assert.Contains("UpdateVendorAsync(this global::Pyxis.Client.IPyxisClient client, string? id = null, global::Pyxis.Tests.Generated.ContainerVendorInput? input = null", source, StringComparison.Ordinal);
        Assert.Contains(output.Sources, s => s.HintName == "Inputs/ContainerVendorInput.g.cs");
    }
}
