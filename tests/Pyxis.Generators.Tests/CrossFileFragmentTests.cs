using Pyxis.Generators.Tests.Infrastructure;
using Pyxis.Testing;

namespace Pyxis.Generators.Tests;

/// <summary>Fragments shared between operation files, with problems reported where they are written.</summary>
public sealed class CrossFileFragmentTests
{
    private const string Fragments = "/project/ops/Fragments.graphql";

    [Fact]
    public void An_operation_spreads_a_fragment_from_another_file_and_sends_its_text()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            (Fragments, "fragment RepoCore on Repository { registry repository }\nfragment TagCore on Tag { name }"),
            ("/project/ops/Get.graphql", "query Get { get_repository(registry: \"r\") { data { ...RepoCore tags { ...TagCore } } } }")
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        var source = output.Source("GetQuery");
        Assert.Contains(
            "fragment RepoCore on Repository { registry repository }\\nfragment TagCore on Tag { name }\";",
            source,
            StringComparison.Ordinal
        );
        Assert.Contains("string? Registry", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_inside_a_shared_fragment_is_reported_in_the_fragment_file()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            (Fragments, "fragment RepoCore on Repository {\n  registry\n  colour\n}"),
            ("/project/ops/Get.graphql", "query Get { get_repository(registry: \"r\") { data { ...RepoCore } } }")
        );

        var diagnostic = output.Single("PYX005");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Fragments, span.Path);
        Assert.Equal((3, 3), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void Editing_an_operation_file_without_fragments_keeps_the_fragment_pool_cached()
    {
        var fragments = new InMemoryAdditionalText(Fragments, "fragment RepoCore on Repository { registry }");
        var get = new InMemoryAdditionalText(
            "/project/ops/Get.graphql",
            "query Get { get_repository(registry: \"r\") { data { ...RepoCore } } }"
        );
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness
            .CreateDriver([new InMemoryAdditionalText(GeneratorHarness.SchemaPath, TestSchema.Text), fragments, get])
            .RunGenerators(compilation);

        driver = driver
            .ReplaceAdditionalText(
                get,
                new InMemoryAdditionalText(get.Path, "query Get { get_repository(registry: \"s\") { data { ...RepoCore } } }")
            )
            .RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.All(steps[StepNames.Fragments].SelectMany(s => s.Outputs), o =>
            Assert.True(
                o.Reason
                    is Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached
                        or Microsoft.CodeAnalysis.IncrementalStepRunReason.Unchanged,
                o.Reason.ToString()
            )
        );
    }
}
