using Pyxis.Generators.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Pyxis.Generators.Tests;

/// <summary>A named fragment becomes one interface that every record spreading it implements, across operations.</summary>
public sealed class FragmentInterfaceTests
{
    private const string Fragment = "fragment RepoCore on Repository { _id repository kind tags { name } required_tags { added_date } }";
    private const string GetOne = "query GetOne { get_repository(registry: \"r\") { data { ...RepoCore } } }";
    private const string FindAll = "query FindAll { find_repositories { data { published ...RepoCore } } }";

    [Fact]
    public void A_named_fragment_becomes_an_interface_with_nested_interfaces_for_its_objects()
    {
        var output = Run(null);

        Snapshot.Match(output.Source("Fragments/IRepoCore"));
    }

    [Fact]
    public void Records_of_two_operations_can_be_handled_by_one_method_through_the_interface()
    {
        const string code = """
            using Pyxis.Tests.Generated;

            public static class Describe
            {
                public static string Repository(IRepoCore r) =>
                    $"{r.Id} {r.Repository} {r.Kind} {r.Tags?.Count} {r.Tags?[0]?.Name} {r.RequiredTags.Count} {r.RequiredTags[0].AddedDate}";

                public static string One(GetOneQuery.GetRepositoryRepository r) => Repository(r);

                public static string Many(FindAllQuery.FindRepositoriesRepository r) => Repository(r);
            }
            """;

        var output = Run(code);

        Assert.Empty(output.CompileDiagnostics);
        Assert.Contains(": global::Pyxis.Tests.Generated.IRepoCore", output.Source("GetOneQuery"), StringComparison.Ordinal);
        Assert.Contains(": global::Pyxis.Tests.Generated.IRepoCore", output.Source("FindAllQuery"), StringComparison.Ordinal);
        Assert.Single(output.Sources, s => s.HintName.StartsWith("Fragments/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_the_fragment_selects_unconditionally_stays_non_null_beside_an_include()
    {
        var source = QuerySource(
            "query Q($x: Boolean!) { get_repository(registry: \"r\") { data { repository @include(if: $x) ...RepoCore } } }"
        );

        Assert.Contains("JsonPropertyName(\"repository\")] string Repository", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conditional_spread_makes_its_fields_optional_and_its_record_does_not_claim_the_interface()
    {
        var source = QuerySource(
            "query Q($x: Boolean!) { get_repository(registry: \"r\") { data { registry ...RepoCore @include(if: $x) } } }"
        );

        Assert.Contains("JsonPropertyName(\"repository\")] string? Repository", source, StringComparison.Ordinal);
        Assert.Contains(">? RequiredTags", source, StringComparison.Ordinal); // [Tag!]! in the schema, optional here
        Assert.DoesNotContain("IRepoCore", source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_fragment_under_skip_makes_its_fields_optional()
    {
        var source = QuerySource(
            "query Q($lean: Boolean!) { get_repository(registry: \"r\") { data { ... on Repository @skip(if: $lean) { repository } } } }"
        );

        Assert.Contains("JsonPropertyName(\"repository\")] string? Repository", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_fragment_name_in_two_files_is_PYX027_at_the_second()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            ("/project/ops/A.graphql", "fragment Dup on Repository { registry }"),
            ("/project/ops/B.graphql", "\n\nfragment Dup on Repository { repository }"),
            ("/project/ops/Q.graphql", "query Q { get_repository(registry: \"r\") { data { ...Dup } } }")
        );

        var diagnostic = output.Single("PYX027");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/project/ops/B.graphql", 3, 10), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains("/project/ops/A.graphql(1,10)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The generated source of query <c>Q</c>, beside the <c>RepoCore</c> fragment when it spreads it; it must generate and compile
    /// cleanly.
    /// </summary>
    private static string QuerySource(string query)
    {
        (string, string)[] files = query.Contains("...RepoCore", StringComparison.Ordinal)
            ? [("/project/ops/Frag.graphql", Fragment), ("/project/ops/Q.graphql", query)]
            : [("/project/ops/Q.graphql", query)];
        var output = GeneratorHarness.Run(TestSchema.Text, files);
        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        return output.Source("QQuery");
    }

    private static GeneratorOutput Run(string? code)
    {
        var output = GeneratorHarness.RunWithCode(
            code,
            TestSchema.Text,
            ("/project/ops/Fragments.graphql", Fragment),
            ("/project/ops/GetOne.graphql", GetOne),
            ("/project/ops/FindAll.graphql", FindAll)
        );
        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        return output;
    }
}
