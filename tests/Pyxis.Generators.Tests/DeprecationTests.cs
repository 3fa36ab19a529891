using Microsoft.CodeAnalysis;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>
/// <c>@deprecated</c> reaches C#: reading a deprecated field (from a record, through a fragment interface) or setting a
/// deprecated input field is CS0618 at that line, with warnings as errors, while the generated code stays warning-free.
/// </summary>
public sealed class DeprecationTests
{
    private static readonly string Schema = TestSchema
        .Text.Replace("  published: Boolean\n", "  published: Boolean @deprecated(reason: \"Use kind\")\n", StringComparison.Ordinal)
        .Replace("regex: String }", "regex: String @deprecated(reason: \"Use eq\") }", StringComparison.Ordinal);

    private const string Operations = """
        query Repo($registry: String!) { get_repository(registry: $registry) { data { ...R } error { status } } }
        query Find($filter: RepositoryFilter) { find_repositories(filter: $filter) { data { registry published } } }
        fragment R on Repository { registry published }
        """;

    private const string Code = """
        using Pyxis.Tests.Generated;
        public static class Use
        {
            public static async System.Threading.Tasks.Task<object?> Run(Pyxis.Client.IPyxisClient client)
            {
                var repo = await client.RepoAsync("r");
                var fine = repo?.Registry;
                var old = repo?.Published;
                IR? viaInterface = repo;
                var again = viaInterface?.Published;
                var page = await client.FindAsync(new RepositoryFilter { Registry = new StringFilter { Regex = "x" } });
                (string? registry, bool? published) = page.FindRepositories!.Data![0]!;
                return (fine, old, again, registry, published);
            }
        }
        """;

    [Fact]
    public void Reading_or_setting_a_deprecated_member_is_CS0618_at_that_line_and_nowhere_else()
    {
        var output = GeneratorHarness.RunWithCode(Code, Schema, ("/project/ops/Ops.graphql", Operations));

        Assert.All(output.Diagnostics, d => Assert.Equal("PYX032", d.Id));
        Assert.All(output.CompileDiagnostics, d => Assert.Equal("/project/Code0.cs", d.Location.GetLineSpan().Path));
        var lines = output
            .CompileDiagnostics.Select(d => (d.Id, d.Severity, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .OrderBy(d => d.Line)
            .ToList();
        Assert.Equal(
            [("CS0618", DiagnosticSeverity.Error, 8), ("CS0618", DiagnosticSeverity.Error, 10), ("CS0618", DiagnosticSeverity.Error, 11)],
            lines
        );
        Assert.All(output.CompileDiagnostics, d => Assert.Contains("Use ", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public void Code_that_reads_no_deprecated_member_builds_warning_free()
    {
        var output = GeneratorHarness.RunWithCode(
            "public static class Use { public static string? Run(Pyxis.Tests.Generated.RepoQuery.Repository r) => r.Registry; }",
            Schema,
            ("/project/ops/Ops.graphql", Operations)
        );

        Assert.Empty(output.CompileDiagnostics);
    }
}
