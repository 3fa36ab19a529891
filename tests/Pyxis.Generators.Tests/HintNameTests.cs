using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>Generated file names depend on the project's own layout, never on where it is checked out.</summary>
public sealed class HintNameTests
{
    [Fact]
    public void Two_checkouts_of_one_project_generate_the_same_file_names()
    {
        string[] HintNames(string root) =>
            GeneratorHarness
                .CreateDriver(
                    [($"{root}/schema/pyxis.graphql", TestSchema.Text), ($"{root}/ops/Q.graphql", "query Q { count(kind: CONTAINER) }")],
                    projectDir: root + "/"
                )
                .RunGenerators(GeneratorHarness.CreateCompilation())
                .GetRunResult()
                .Results.SelectMany(r => r.GeneratedSources)
                .Select(s => s.HintName)
                .Order()
                .ToArray();

        var first = HintNames("/home/alice/src/pyxis-app");
        var second = HintNames("/builds/ci-7f3a/checkout");

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("/p/app/", "/p/app/ops/Q.graphql", "ops/Q.graphql")]
    [InlineData("/p/app/", "/p/schema/operations/Q.graphql", "../schema/operations/Q.graphql")]
    [InlineData(null, "/p/app/ops/Q.graphql", "Q.graphql")]
    public void Paths_are_taken_relative_to_the_project(string? projectDir, string path, string expected) =>
        Assert.Equal(expected, Pyxis.Generators.Parsing.InputFiles.RelativeTo(projectDir, path));
}
