using Microsoft.CodeAnalysis;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>
/// A schema change the operation no longer matches is one PYX error at the <c>.graphql</c> token, and C# errors only
/// where C# reads what is gone: the failing operation still emits the surface of what validated.
/// </summary>
public sealed class OneCauseOneErrorTests
{
    private const string Op = "/project/ops/Op.graphql";

    [Fact]
    public void A_removed_field_is_one_PYX005_and_a_CSharp_error_only_where_the_property_is_read()
    {
        var schema = TestSchema.Text.Replace("  published: Boolean\n", string.Empty, StringComparison.Ordinal);
        const string code = """
            using Pyxis.Client;
            using Pyxis.Tests.Generated;
            public static class Use
            {
                public static async System.Threading.Tasks.Task<string?> Run(IPyxisClient client)
                {
                    var repo = await client.RepoAsync("r");
                    var registry = repo?.Registry;
                    return registry + repo?.Published;
                }
            }
            """;

        var output = GeneratorHarness.RunWithCode(
            code,
            schema,
            (
                Op,
                "query Repo($registry: String!) {\n  get_repository(registry: $registry) {\n    data { registry published }\n    error { status }\n  }\n}"
            )
        );

        var pyx = Assert.Single(output.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(
            ("PYX005", 3, 21),
            (pyx.Id, pyx.Location.GetLineSpan().StartLinePosition.Line + 1, pyx.Location.GetLineSpan().StartLinePosition.Character + 1)
        );
        var csharp = Assert.Single(output.CompileDiagnostics);
        Assert.Equal("CS1061", csharp.Id);
        Assert.Equal("/project/Code0.cs", csharp.Location.GetLineSpan().Path);
        Assert.Equal(9, csharp.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void A_renamed_argument_is_one_PYX006_that_suggests_the_new_name_and_the_method_keeps_its_parameters()
    {
        var schema = TestSchema.Text.Replace(
            "get_repository(registry: String!",
            "get_repository(registry_name: String!",
            StringComparison.Ordinal
        );
        const string code = """
            using Pyxis.Client;
            using Pyxis.Tests.Generated;
            public static class Use
            {
                public static async System.Threading.Tasks.Task<string?> Run(IPyxisClient client) => (await client.RepoAsync("r"))?.Registry;
            }
            """;

        var output = GeneratorHarness.RunWithCode(
            code,
            schema,
            (Op, "query Repo($registry: String!) { get_repository(registry: $registry) { data { registry } error { status } } }")
        );

        var pyx = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX006", pyx.Id);
        Assert.EndsWith(
            "has no argument 'registry' Did you mean 'repository' or 'registry_name'?",
            pyx.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Empty(output.CompileDiagnostics);
    }

    [Fact]
    public void A_renamed_input_type_is_one_PYX004_the_variable_left_out_and_the_rest_of_the_method_kept()
    {
        var schema = TestSchema.Text.Replace("RepositoryFilter", "RepositoryFilterV2", StringComparison.Ordinal);
        const string code = """
            using Pyxis.Client;
            using Pyxis.Tests.Generated;
            public static class Use
            {
                public static async System.Threading.Tasks.Task<object> Run(IPyxisClient client) => await client.FindAsync(pageSize: 10);
            }
            """;

        var output = GeneratorHarness.RunWithCode(
            code,
            schema,
            (
                Op,
                "query Find($filter: RepositoryFilter, $pageSize: Int) {\n  find_repositories(filter: $filter, page_size: $pageSize) { total data { registry } }\n}"
            )
        );

        var pyx = Assert.Single(output.Diagnostics);
        Assert.Equal(
            ("PYX004", 1, 21),
            (pyx.Id, pyx.Location.GetLineSpan().StartLinePosition.Line + 1, pyx.Location.GetLineSpan().StartLinePosition.Character + 1)
        );
        Assert.Contains("Did you mean 'RepositoryFilterV2'?", pyx.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("no parameter for '$filter'", pyx.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(output.CompileDiagnostics);
    }

    [Theory]
    [InlineData("query Q { everything { strin } }", "Did you mean 'string', 'matrix', or 'uri'?")]
    [InlineData("query Q { get_repository(registry: \"r\") { data { tag { name } } } }", "Did you mean 'tags'?")]
    [InlineData("query Q { count(knd: CONTAINER) }", "Did you mean 'kind'?")]
    [InlineData("query Q($f: RepositoryFiltr) { find_repositories(filter: $f) { total } }", "Did you mean 'RepositoryFilter'?")]
    [InlineData("query Q { find_repositories(filter: { registy: { eq: \"r\" } }) { total } }", "Did you mean 'registry'?")]
    [InlineData("query Q { everything { ... on Everythin { string } } }", "Did you mean 'Everything'?")]
    [InlineData("query Q { everything { zzzzzz } }", "does not exist on type 'Everything'")]
    [InlineData(
        "query Q($b: Boolean!) { everything { string @include(iff: $b) } }",
        "Field '@include' has no argument 'iff' Did you mean 'if'?"
    )]
    public void Unknown_names_suggest_the_closest_ones(string operation, string expected)
    {
        var output = GeneratorHarness.Run(TestSchema.Text, (Op, operation));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Contains(expected, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(output.CompileDiagnostics);
    }
}
