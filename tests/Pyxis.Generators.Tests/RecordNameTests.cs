using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pyxis.Generators.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Pyxis.Generators.Tests;

/// <summary>
/// The names users' code is written against: every record and property the curated operations generate, pinned by a
/// snapshot, so a generator change that renames anything shows up in review (and the hand-written CatalogQueries break).
/// </summary>
public sealed class RecordNameTests
{
    [Fact]
    public void The_curated_operations_type_and_member_names_are_the_reviewed_ones()
    {
        var operations = RepositoryFiles.OperationPaths.Select(p => (p, File.ReadAllText(p))).ToArray();

        var output = GeneratorHarness.Run(File.ReadAllText(RepositoryFiles.SchemaPath), operations);

        Assert.Empty(output.Diagnostics);
        var names = output
            .Sources.Where(s => s.HintName.Contains("Query.", StringComparison.Ordinal))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .SelectMany(s => Describe(CSharpSyntaxTree.ParseText(s.SourceText).GetRoot()));
        Snapshot.Match(string.Join("\n", names));
    }

    [Fact]
    public void Names_do_not_depend_on_which_other_operations_exist()
    {
        var schema = File.ReadAllText(RepositoryFiles.SchemaPath);
        var fragments = RepositoryFiles.OperationPaths.Single(p => p.EndsWith("Fragments.graphql", StringComparison.Ordinal));
        var alone = (
            "/ops/GetRepositoryByRegistryPath.graphql",
            File.ReadAllText(
                RepositoryFiles.OperationPaths.Single(p => p.EndsWith("GetRepositoryByRegistryPath.graphql", StringComparison.Ordinal))
            )
        );
        var all = RepositoryFiles.OperationPaths.Select(p => (p, File.ReadAllText(p))).ToArray();

        var single = Describe(
            GeneratorHarness.Run(schema, alone, (fragments, File.ReadAllText(fragments))),
            "GetRepositoryByRegistryPathQuery"
        );
        var together = Describe(GeneratorHarness.Run(schema, all), "GetRepositoryByRegistryPathQuery");

        Assert.Equal(together, single);
    }

    [Fact]
    public void Identical_shapes_in_one_operation_share_one_record_and_names_follow_the_response_path()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            (
                "/ops/Two.graphql",
                """
                query Two {
                  mine: get_repository(registry: "r") { data { repository tags { name } } error { status detail } }
                  theirs: get_repository(registry: "s") { data { repository tags { name } } error { status detail } }
                  find_repositories { data { tags { name } } error { status detail } }
                }
                """
            )
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        string[] expected =
        [
            "TwoQuery.Data(Mine, Theirs, FindRepositories)",
            "TwoQuery.Error(Status, Detail)",
            "TwoQuery.FindRepositories(Data, Error)",
            "TwoQuery.Mine(Data, Error)",
            "TwoQuery.MineRepository(Repository, Tags)",
            "TwoQuery.Repository(Tags)",
            "TwoQuery.Tag(Name)",
        ];
        Assert.Equal(expected, Describe(output, "TwoQuery").Order(StringComparer.Ordinal));
    }

    private static List<string> Describe(GeneratorOutput output, string operation) =>
        Describe(CSharpSyntaxTree.ParseText(output.Source(operation + ".")).GetRoot());

    // Class › record(parameters) — one line per record; the parameter names are the property names.
    private static List<string> Describe(Microsoft.CodeAnalysis.SyntaxNode root) =>
        root.DescendantNodes()
            .OfType<RecordDeclarationSyntax>()
            .Select(r =>
                $"{string.Join(".", r.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.Text))}.{r.Identifier.Text}({string.Join(", ", r.ParameterList?.Parameters.Select(p => p.Identifier.Text) ?? [])})"
            )
            .ToList();
}
