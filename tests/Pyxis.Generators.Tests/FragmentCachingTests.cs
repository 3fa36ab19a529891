using Microsoft.CodeAnalysis;
using Pyxis.Generators.Tests.Infrastructure;
using Pyxis.Testing;

namespace Pyxis.Generators.Tests;

/// <summary>Fragments, shared input/enum types and fragment interfaces cost only what an edit touches.</summary>
public sealed class FragmentCachingTests
{
    private const string FragmentText = "fragment Repo on Repository { _id repository }\nfragment Tagged on Repository { tags { name } }";

    private static readonly InMemoryAdditionalText Fragments = new("/project/ops/Fragments.graphql", FragmentText);

    private readonly AdditionalText[] files =
    [
        new InMemoryAdditionalText(GeneratorHarness.SchemaPath, TestSchema.Text),
        Fragments,
        new InMemoryAdditionalText(
            "/project/ops/UsesRepo.graphql",
            "query UsesRepo { get_repository(registry: \"r\") { data { ...Repo } } }"
        ),
        new InMemoryAdditionalText(
            "/project/ops/UsesTagged.graphql",
            "query UsesTagged { get_repository(registry: \"r\") { data { ...Tagged } } }"
        ),
        new InMemoryAdditionalText(
            "/project/ops/NoFragments.graphql",
            "query NoFragments($k: Kind!, $f: RepositoryFilter) { count(kind: $k) find_repositories(filter: $f) { total } }"
        ),
    ];

    [Fact]
    public void Editing_a_fragment_file_rechecks_only_the_operations_that_spread_its_fragments()
    {
        var (driver, compilation) = Run();

        driver = driver.ReplaceAdditionalText(
            Fragments,
            new InMemoryAdditionalText(
                Fragments.Path,
                FragmentText.Replace("_id repository", "_id repository published", StringComparison.Ordinal)
            )
        );
        var steps = driver.RunGenerators(compilation).GetRunResult().Results.Single().TrackedSteps;

        // In file order: the fragment file, UsesRepo, UsesTagged, NoFragments. Files that reach the edited file are
        // checked again (only UsesRepo's result changes); the operation without fragments is not even re-run.
        Assert.Equal(
            [
                IncrementalStepRunReason.Unchanged,
                IncrementalStepRunReason.Modified,
                IncrementalStepRunReason.Unchanged,
                IncrementalStepRunReason.Cached,
            ],
            Reasons(steps[StepNames.Operations])
        );
        Assert.All(Reasons(steps[StepNames.SharedTypes]), r => Assert.True(IsReused(r), $"shared types were {r}"));
    }

    [Fact]
    public void Editing_an_operation_without_changing_its_types_leaves_shared_types_and_interfaces_unchanged()
    {
        var (driver, compilation) = Run();

        driver = driver.ReplaceAdditionalText(
            files[4],
            new InMemoryAdditionalText(
                "/project/ops/NoFragments.graphql",
                "query NoFragments($k: Kind!, $f: RepositoryFilter) { count(kind: $k) find_repositories(filter: $f) { total page } }"
            )
        );
        var steps = driver.RunGenerators(compilation).GetRunResult().Results.Single().TrackedSteps;

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(steps[StepNames.Operations]));
        Assert.All(Reasons(steps[StepNames.SharedTypes]), r => Assert.True(IsReused(r), $"shared types were {r}"));
        Assert.All(Reasons(steps[StepNames.FragmentInterfaces]), r => Assert.True(IsReused(r), $"fragment interfaces were {r}"));
        Assert.All(Reasons(steps[StepNames.OperationInputs]).Where(r => r != IncrementalStepRunReason.Modified), r =>
            Assert.True(IsReused(r))
        );
    }

    [Fact]
    public void A_fragment_change_that_changes_its_interface_re_emits_the_interface()
    {
        var (driver, compilation) = Run();

        driver = driver.ReplaceAdditionalText(
            Fragments,
            new InMemoryAdditionalText(Fragments.Path, FragmentText.Replace("{ name }", "{ name added_date }", StringComparison.Ordinal))
        );
        var steps = driver.RunGenerators(compilation).GetRunResult().Results.Single().TrackedSteps;

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(steps[StepNames.FragmentInterfaces]));
    }

    private (GeneratorDriver Driver, Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation) Run()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        return (GeneratorHarness.CreateDriver(files).RunGenerators(compilation), compilation);
    }

    private static List<IncrementalStepRunReason> Reasons(IEnumerable<IncrementalGeneratorRunStep> steps) =>
        steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}
