using Microsoft.CodeAnalysis;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>Every diagnostic, with the exact file, line and column (1-based, as the IDE shows them).</summary>
public sealed class DiagnosticTests
{
    private const string Op = "/project/ops/Op.graphql";

    [Theory]
    [InlineData("PYX001", "query Q {\n  get_repository(registry: ) { data { registry } }\n}", 2, 28)]
    [InlineData("PYX004", "query Q($f: NoSuchFilter) { find_repositories(filter: $f) { total } }", 1, 13)]
    [InlineData("PYX005", "query Q {\n  get_repository(registry: \"r\") {\n    data { registryy }\n  }\n}", 3, 12)]
    [InlineData("PYX006", "query Q { get_repository(registry: \"r\", colour: \"red\") { error { status } } }", 1, 41)]
    [InlineData("PYX007", "query Q($r: Int!) { get_repository(registry: $r) { error { status } } }", 1, 46)]
    [InlineData("PYX008", "query Q { count(kind: SPACESHIP) }", 1, 23)]
    [InlineData("PYX009", "query Q { get_repository(repository: \"x\") { error { status } } }", 1, 11)]
    [InlineData("PYX010", "query Q { get_repository(registry: \"r\") { data { registry { name } } } }", 1, 59)]
    [InlineData("PYX011", "query Q {\n  get_repository(registry: \"r\")\n}", 2, 3)]
    [InlineData("PYX012", "query Q { get_repository(registry: $nowhere) { error { status } } }", 1, 36)]
    [InlineData("PYX013", "query Q($unused: String) { count(kind: CONTAINER) }", 1, 9)]
    [InlineData("PYX014", "query { count(kind: CONTAINER) }", 1, 7)]
    [InlineData("PYX016", "query Q { get_repository(registry: \"r\") { ...T } }\nfragment T on Tag { name }", 1, 43)]
    [InlineData("PYX017", "query Q { get_repository(registry: \"r\") { ...Missing } }", 1, 46)]
    [InlineData("PYX019", "query Q($t: Tag) { count(kind: CONTAINER) }", 1, 13)]
    [InlineData("PYX020", "query Q { everything { x: string x: int } }", 1, 34)]
    [InlineData("PYX021", "subscription S { count(kind: CONTAINER) }", 1, 14)]
    [InlineData("PYX022", "query Q { everything { string @deprecated } }", 1, 31)]
    [InlineData(
        "PYX022",
        "query Q { get_repository(registry: \"r\") { data { ...R @deprecated } } }\nfragment R on Repository { registry }",
        1,
        55
    )]
    [InlineData("PYX023", "query Q($k: Kind!, $k: Kind!) { count(kind: $k) }", 1, 20)]
    [InlineData("PYX024", "query Q { count(kind: CONTAINER, kind: HELM) }", 1, 34)]
    [InlineData("PYX025", "query Q { everything { ...A } }\nfragment A on Everything { string ...A }", 2, 38)]
    public void Each_problem_is_reported_with_its_id_at_the_graphql_line_and_column(string id, string operation, int line, int column)
    {
        var output = GeneratorHarness.Run(TestSchema.Text, (Op, operation));

        var diagnostic = output.Single(id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Op, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        // What validated is still emitted (one cause, one error), and it compiles.
        Assert.Empty(output.CompileDiagnostics);
    }

    [Fact]
    public void A_duplicate_operation_name_in_another_file_points_at_the_second_and_names_the_first()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            ("/project/ops/A.graphql", "query Same { count(kind: CONTAINER) }"),
            ("/project/ops/B.graphql", "\nquery Same { count(kind: HELM_CHART) }")
        );

        var diagnostic = output.Single("PYX015");
        Assert.Equal("/project/ops/B.graphql", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("/project/ops/A.graphql(1,7)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void One_response_key_with_different_arguments_is_PYX020_naming_both()
    {
        var output = GeneratorHarness.Run(TestSchema.Text, (Op, "query Q {\n  count(kind: CONTAINER)\n  count(kind: OPERATOR_BUNDLE)\n}"));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX020", diagnostic.Id);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'count(kind: CONTAINER)' and 'count(kind: OPERATOR_BUNDLE)'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_field_with_the_same_arguments_written_twice_merges_quietly()
    {
        var output = GeneratorHarness.Run(TestSchema.Text, (Op, "query Q { count(kind: CONTAINER) count(kind: CONTAINER) }"));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
    }

    [Fact]
    public void Operations_without_a_schema_report_PYX002_instead_of_guessing()
    {
        var driver = GeneratorHarness.CreateDriver([(Op, "query Q { a }")]).RunGenerators(GeneratorHarness.CreateCompilation());

        var diagnostic = Assert.Single(driver.GetRunResult().Diagnostics);
        Assert.Equal("PYX002", diagnostic.Id);
        Assert.Equal(Op, diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_broken_schema_reports_PYX003_at_the_undefined_type_and_no_operation_noise()
    {
        var schema = "type Query {\n  a: Missing\n}";
        var output = GeneratorHarness.Run(schema, (Op, "query Q { a }"));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX003", diagnostic.Id);
        Assert.Equal(
            (2, 6),
            (
                diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1,
                diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1
            )
        );
        Assert.Contains("Missing", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_schema_files_are_PYX026_naming_both_instead_of_a_silent_choice()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            ("/project/other.schema.graphql", TestSchema.Text),
            (Op, "query Q { count(kind: CONTAINER) }")
        );

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX026", diagnostic.Id);
        Assert.Contains("/project/other.schema.graphql", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(GeneratorHarness.SchemaPath, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_syntax_error_is_PYX001_in_the_schema_file()
    {
        var output = GeneratorHarness.Run("type Query {\n  a: String\n", (Op, "query Q { a }"));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX001", diagnostic.Id);
        Assert.Equal(GeneratorHarness.SchemaPath, diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Valid_and_invalid_operations_in_one_file_keep_the_valid_one()
    {
        var output = GeneratorHarness.Run(TestSchema.Text, (Op, "query Good { count(kind: CONTAINER) }\nquery Bad { nope }"));

        Assert.Equal("PYX005", Assert.Single(output.Diagnostics).Id);
        Assert.Contains(output.Sources, s => s.HintName.StartsWith("GoodQuery", StringComparison.Ordinal));
        Assert.DoesNotContain(output.Sources, s => s.HintName.StartsWith("BadQuery", StringComparison.Ordinal));
    }
}
