using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>The executable-document rules of the GraphQL spec that used to be missing, and one diagnostic per mistake.</summary>
public sealed class ValidationRuleTests
{
    private const string Op = "/project/ops/Op.graphql";

    [Theory]
    [InlineData("PYX028", "type Extra { x: Int }\nquery Q { count(kind: CONTAINER) }", "Extra")]
    [InlineData("PYX029", "query Q { count(kind: CONTAINER) }\nfragment Lonely on Repository { registry }", "Lonely")]
    [InlineData("PYX030", "query Q($a: Boolean!) { everything { string @include(if: $a) @include(if: $a) } }", "include(if: $a) }")]
    [InlineData("PYX031", "query Q { find_repositories(filter: { registry: { eq: \"a\", eq: \"b\" } }) { total } }", "eq: \"b\"")]
    [InlineData("PYX008", "query Q { find_repositories(page_size: 3000000000) { total } }", "3000000000")]
    public void Each_rule_is_one_error_at_the_token_to_fix(string id, string document, string token)
    {
        var output = GeneratorHarness.Run(TestSchema.Text, (Op, document));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        var offset = document.LastIndexOf(token, StringComparison.Ordinal);
        var line = document[..offset].Count(c => c == '\n');
        var column = offset - (document.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    [Fact]
    public void An_Int_beyond_32_bits_says_so()
    {
        var output = GeneratorHarness.Run(TestSchema.Text, (Op, "query Q { find_repositories(page_size: 3000000000) { total } }"));

        Assert.Contains("outside Int's 32-bit range", output.Single("PYX008").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unused_fragment_is_still_validated()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            (Op, "query Q { count(kind: CONTAINER) }\nfragment Lonely on Repository { registryy }")
        );

        Assert.Equal(["PYX005", "PYX029"], output.Diagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void Two_operations_of_one_name_in_one_file_are_one_PYX015_and_no_crash()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            (Op, "query Same { count(kind: CONTAINER) }\nquery Same { count(kind: OPERATOR_BUNDLE) }")
        );

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(("PYX015", 1), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Empty(output.CompileDiagnostics);
        Assert.Single(output.Sources, s => s.HintName.StartsWith("SameQuery", StringComparison.Ordinal));
    }

    [Fact]
    public void A_query_and_a_mutation_of_one_name_are_one_PYX015_and_compile()
    {
        var schema = TestSchema.Text.Replace(
            "schema { query: Query }",
            "schema { query: Query mutation: Mutation }\ntype Mutation { touch(id: ID): Int }",
            StringComparison.Ordinal
        );

        var output = GeneratorHarness.Run(
            schema,
            ("/project/ops/A.graphql", "query Same { count(kind: CONTAINER) }"),
            ("/project/ops/B.graphql", "mutation Same { touch(id: \"1\") }")
        );

        Assert.Equal("PYX015", Assert.Single(output.Diagnostics).Id);
        Assert.Empty(output.CompileDiagnostics);
    }

    [Theory]
    [InlineData("query Q($a: Boolean!) @include(if: $a) { count(kind: CONTAINER) }", "PYX022")]
    [InlineData("query Q($c: String) { get_repository(registry: \"r\", colour: $c) { error { status } } }", "PYX006")]
    [InlineData("query Q($f: NoSuchFilter) { find_repositories(filter: $f) { total } }", "PYX004")]
    [InlineData("query Q($f: RepositoryFilter) { find_repositories(filter: { registry: { eq: \"a\" }, colour: $f }) { total } }", "PYX005")]
    public void One_mistake_is_one_diagnostic(string document, string id)
    {
        var output = GeneratorHarness.Run(TestSchema.Text, (Op, document));

        Assert.Equal(id, Assert.Single(output.Diagnostics).Id);
    }

    [Fact]
    public void An_undeclared_variable_names_its_operation()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            (Op, "query Lookup { get_repository(registry: $nowhere) { error { status } } }")
        );

        Assert.Contains("operation 'Lookup'", output.Single("PYX012").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistake_inside_a_shared_fragment_is_reported_once_at_the_fragment()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            ("/project/ops/Fragments.graphql", "fragment F on Repository { registryy }"),
            ("/project/ops/A.graphql", "query A { get_repository(registry: \"r\") { data { ...F } } }"),
            (
                "/project/ops/B.graphql",
                "query B { get_repository(registry: \"r\") { data { ...F } } }\nquery C { get_repository(registry: \"s\") { data { ...F } } }"
            )
        );

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(("PYX005", "/project/ops/Fragments.graphql"), (diagnostic.Id, diagnostic.Location.GetLineSpan().Path));
    }

    [Fact]
    public void A_fragment_defined_twice_is_one_PYX027_without_compiler_errors()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            ("/project/ops/A.graphql", "fragment Dup on Repository { registry }"),
            ("/project/ops/B.graphql", "fragment Dup on Repository { registry }"),
            ("/project/ops/Q.graphql", "query Q { get_repository(registry: \"r\") { data { ...Dup } } }")
        );

        Assert.Equal("PYX027", Assert.Single(output.Diagnostics).Id);
        Assert.Empty(output.CompileDiagnostics);
    }
}
