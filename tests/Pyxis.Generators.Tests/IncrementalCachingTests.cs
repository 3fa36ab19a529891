using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pyxis.Generators.Tests.Infrastructure;
using Pyxis.Testing;

namespace Pyxis.Generators.Tests;

/// <summary>The generator must cost nothing on C# edits, and only the edited operation on a .graphql edit.</summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps =
    [
        StepNames.Files,
        StepNames.Schema,
        StepNames.Fragments,
        StepNames.Operations,
        StepNames.SharedTypes,
        StepNames.DuplicateNames,
    ];

    private readonly AdditionalText[] files =
    [
        new InMemoryAdditionalText(GeneratorHarness.SchemaPath, TestSchema.Text),
        new InMemoryAdditionalText("/project/ops/A.graphql", "query A($k: Kind!) { count(kind: $k) }"),
        new InMemoryAdditionalText("/project/ops/B.graphql", "query B { everything { string } }"),
    ];

    [Fact]
    public void Adding_an_unrelated_CSharp_file_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }")));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"{name} was {o.Reason}"));
        }
    }

    [Fact]
    public void Editing_one_operation_reruns_only_that_operation_and_not_the_schema()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(
            files[1],
            new InMemoryAdditionalText("/project/ops/A.graphql", "query A($k: Kind!) { count(kind: $k) everything { int } }")
        );
        driver = driver.RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var operations = steps[StepNames.Operations].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(2, operations.Count);
        Assert.Equal(1, operations.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, operations.Count(IsReused));
        Assert.All(steps[StepNames.Schema].SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"schema was {o.Reason}"));
    }

    [Fact]
    public void Editing_the_schema_reruns_the_operations()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(
            files[0],
            new InMemoryAdditionalText(GeneratorHarness.SchemaPath, TestSchema.Text + "\nscalar Extra\n")
        );
        driver = driver.RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.Contains(steps[StepNames.Schema].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}
