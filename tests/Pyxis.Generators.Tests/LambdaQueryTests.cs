using Microsoft.CodeAnalysis;
using Pyxis.Generators.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Pyxis.Generators.Tests;

/// <summary>Lambda queries at build time: the document each lambda shape becomes, and a PYX1xx where one cannot be translated.</summary>
public sealed class LambdaQueryTests
{
    private static readonly Dictionary<string, string> Package = new()
    {
        ["PyxisSchemaTypes"] = "Referenced",
        ["PyxisTypesNamespace"] = "Pyxis.Client",
    };

    // Each shape: the lambda as a user writes it. The snapshot holds the document each one becomes.
    private static readonly string[] Shapes =
    [
        "(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Repository)",
        "(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => new { r.Data!.Repository, r.Data.Published, Tags = r.Data.AutoRebuildTags })",
        "(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data)",
        "(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data?.VendorLabel)",
        "(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => (r.Error!.Status, r.Error.Detail))",
        "(q, v) => q.GetRepositoryByRegistryPath(\"registry.access.redhat.com\", v.Path, r => r.Data!.Id)",
        "(q, v) => q.FindImagesByNvr(v.Path, null, 0, 50, null, p => p.Data!.Select(i => i!.Architecture).ToList())",
        "(q, v) => q.FindImagesByNvr(v.Path, null, 0, 50, null, p => p.Data!.Select(i => new { i!.Id, i.Brew!.Build, Tags = i.Repositories!.SelectMany(r => r!.Tags!).Select(t => t!.Name) }).ToList())",
        "(q, v) => q.FindImagesByNvr(v.Path, null, 0, 50, null, p => p.Data!.First()!.ParsedData!.Labels![0]!.Value)",
        "(q, v) => q.FindImagesByNvr(v.Path, null, 0, 50, null, p => p.Data!.Where(i => i!.Architecture == \"amd64\").Select(i => i!.DockerImageDigest).FirstOrDefault())",
        "(q, v) => q.FindImagesByNvr(v.Path, null, 2, 100, null, p => (p.Total, p.Page, Count: p.Data!.Count))",
        "(q, v) => q.FindRepositories([new Pyxis.Client.SortBy { Field = \"creation_date\", Order = Pyxis.Client.SortDirectionEnum.Desc }], 0, 5, new Pyxis.Client.ContainerRepositoryFilter { Published = new Pyxis.Client.BooleanFilter { Eq = true } }, p => p.Data!.Select(r => r!.Repository).ToList())",
        "(q, v) => q.FindRepositories(null, 0, 5, new Pyxis.Client.ContainerRepositoryFilter { Or = [new() { Registry = new Pyxis.Client.StringFilter { Eq = v.Registry } }, new() { Repository = new Pyxis.Client.StringFilter { Eq = v.Path } }] }, p => p.Total)",
        "(q, v) => new { A = q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id), B = q.GetRepositoryByRegistryPath(v.Registry, v.Path + \"-next\", r => r.Data!.Published) }",
        "(q, v) => q.GetImage(v.Path, r => r.Data!.Edges!.RpmManifest!.Data!.Rpms!.Select(x => x!.Nvra).ToList())",
        "(q, v) => q.GetImage(v.Path, r => r.Data!.Brew)",
        "(q, v) => q.Entities([], e => e.Select(x => x!.On<Pyxis.Client.Schema.PublicProductListingFunctionalInfo>()?.ProductListingId).ToList())",
    ];

    [Fact]
    public void Every_lambda_shape_becomes_a_checked_document_and_interceptor_that_compile()
    {
        var documents = Shapes.Select(
            (shape, i) =>
            {
                var output = Run(Call(shape));
                Assert.True(output.Diagnostics.IsEmpty, shape + "\n" + string.Join("\n", output.Diagnostics));
                Assert.True(output.CompileDiagnostics.IsEmpty, shape + "\n" + string.Join("\n", output.CompileDiagnostics));
                var source = Assert
                    .Single(output.Sources, s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal))
                    .SourceText.ToString();
                var document = source[(source.IndexOf("Document = \"", StringComparison.Ordinal) + 12)..];
                return $"{i + 1}. {shape}\n   {document[..document.IndexOf("\";", StringComparison.Ordinal)]}\n\n{source}";
            }
        );

        Snapshot.Match(string.Join("\n\n", documents));
    }

    [Fact]
    public void The_interceptor_records_arguments_sends_the_document_and_reads_each_root_field()
    {
        var output = Run(Call(Shapes[13]));

        Assert.Empty(output.CompileDiagnostics);
        Snapshot.Match(
            Assert.Single(output.Sources, s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal)).SourceText.ToString()
        );
    }

    // An object used as a value (returned, stored, matched by a property pattern) brings its scalar fields even when
    // some of them are also read by path; null checks, is { } d (d's reads count) and [PyxisFragment] arguments do not.
    [Theory]
    [InlineData("r => new { r.Data, r.Data!.Repository }", "data { repository application_categories", true)]
    [InlineData("r => r.Data is { } d ? d.Registry : null", "{ data { registry } }", false)]
    [InlineData(
        "r => r.Data is Pyxis.Client.Schema.ContainerRepository d ? (d.Registry, d.Repository) : default",
        "{ data { registry repository } }",
        false
    )]
    [InlineData("r => r.Data is { Published: true } d ? d.Registry : null", "{ data { published registry } }", false)]
    [InlineData("r => r.Data?.Published == true ? r.Data : null", "data { published application_categories", true)]
    [InlineData("r => r.Data == null ? null : r.Data.Repository", "{ data { repository } }", false)]
    [InlineData("r => r.Error != null ? r.Error.Detail : r.Data?.Repository", "{ data { repository } error { detail } }", false)]
    [InlineData("r => (r.Data!.Published, Summary(r.Data!))", "{ data { published repository } }", false)]
    public void An_object_used_whole_brings_its_scalar_fields(string selector, string selection, bool whole)
    {
        var output = Run(Call($"(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, {selector})"));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        var source = Assert.Single(output.Sources, s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal)).SourceText.ToString();
        var document = source[source.IndexOf("Document = \"", StringComparison.Ordinal)..source.IndexOf("\";", StringComparison.Ordinal)];
        Assert.True(document.Contains(selection, StringComparison.Ordinal), document);
        Assert.Equal(whole, document.Contains("vendor_label", StringComparison.Ordinal));
    }

    [Fact]
    public void Items_used_whole_bring_their_scalar_fields()
    {
        var output = Run(
            Call(
                "(q, v) => q.FindImagesByNvr(v.Path, null, 0, 50, null, p => new { p.Data!.First()!.Architecture, Image = p.Data!.First() })"
            )
        );

        var source = Assert.Single(output.Sources, s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Empty(output.CompileDiagnostics);
        Assert.Contains("data { architecture ", source, StringComparison.Ordinal);
        Assert.Contains("docker_image_digest", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "Func<Pyxis.Client.Schema.PyxisQuery, V, string?> f = (q, v) => null; await client.QueryAsync(new V(), f);",
        "PYX101",
        "'f' is not a lambda written in place"
    )]
    [InlineData(
        "await client.QueryAsync(new V(), (q, v) => v.Flag ? q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id) : null);",
        "PYX102",
        "Root field 'get_repository_by_registry_path' is called under a condition"
    )]
    [InlineData("await client.QueryAsync(new V(), (q, v) => v.Registry);", "PYX103", "The query lambda calls no root field on 'q'")]
    [InlineData(
        "await client.QueryAsync(new V(), (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.GetHashCode()));",
        "PYX104",
        "'r.Data!.GetHashCode()' calls a method on a selected value"
    )]
    [InlineData(
        "await client.QueryAsync(new V(), (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, Select));",
        "PYX101",
        "'Select' is not a lambda written in place"
    )]
    [InlineData(
        "await foreach (var _ in client.QueryEachAsync(new[] { new V() }, (q, v) => new { A = q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id), B = q.GetImage(v.Path, r => r.Data!.Id) })) { }",
        "PYX106",
        "QueryEachAsync repeats one root field (per input or per page), but this lambda calls 2"
    )]
    public void What_cannot_be_translated_is_a_PYX1xx_at_the_lambda(string statement, string id, string message)
    {
        var output = Run(Program(statement));

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id.StartsWith("PYX1", StringComparison.Ordinal));
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("/project/Code0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // the statement's line in Program
    }

    [Fact]
    public void A_root_field_the_projects_schema_lacks_is_PYX105_at_the_call()
    {
        var output = GeneratorHarness.RunWithCode(
            Call("(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id)"),
            "type Query { ping: String }",
            Package
        );

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == "PYX105");
        Assert.Contains("Query.get_repository_by_registry_path is not in the schema", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    // The lambda's tree goes through the .graphql path's own rules (FieldsOnCorrectTypeRule here), reported at the C# call.
    [Fact]
    public void A_field_the_projects_schema_lacks_below_the_root_is_PYX105_from_the_shared_validator_at_the_call()
    {
        var output = GeneratorHarness.RunWithCode(
            Call("(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id)"),
            """
            type Query { get_repository_by_registry_path(registry: String!, repository: String!): Response }
            type Response { data: Repository }
            type Repository { repository: String }
            """,
            Package
        );

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == "PYX105");
        Assert.Contains("_id", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Repository", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("/project/Code0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_mistyped_field_is_a_compile_error_at_the_lambda()
    {
        var output = Run(Call("(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Repositoryy)"));

        var error = Assert.Single(output.CompileDiagnostics, d => d.Id == "CS1061");
        Assert.Contains("Repositoryy", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_lambda_regenerates_only_its_own_file()
    {
        var a = Call("(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id)");
        var b = Call("(q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Published)")
            .Replace("class Calls", "class OtherCalls", StringComparison.Ordinal)
            .Replace("public sealed class V ", "public sealed class W ", StringComparison.Ordinal)
            .Replace("new V()", "new W()", StringComparison.Ordinal);
        var compilation = GeneratorHarness.CreateCompilation(a, b);
        var driver = GeneratorHarness
            .CreateDriver([(GeneratorHarness.SchemaPath, File.ReadAllText(RepositoryFiles.SchemaPath))], properties: Package)
            .RunGenerators(compilation);

        var old = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(
            old,
            old.WithChangedText(
                Microsoft.CodeAnalysis.Text.SourceText.From(a.Replace("r.Data!.Id", "r.Data!.Registry", StringComparison.Ordinal))
            )
        );
        var steps = driver
            .RunGenerators(edited)
            .GetRunResult()
            .Results.Single()
            .TrackedSteps[StepNames.Lambdas]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();

        Assert.Equal(2, steps.Count);
        Assert.Single(steps, r => r == IncrementalStepRunReason.Modified);
        Assert.Single(steps, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void A_lambda_is_named_after_its_type_and_member_numbered_in_order_and_edits_around_it_keep_the_names()
    {
        const string Second = "_ = await client.QueryAsync(new V(), (q, v) => q.GetImage(v.Path, r => r.Data!.Id));";
        string Names(string statement) =>
            string.Join(
                " ",
                Run(Program(statement))
                    .Sources.Where(s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal))
                    .Select(s =>
                        System
                            .Text.RegularExpressions.Regex.Match(s.SourceText.ToString(), "Document = \"(?:query|mutation) (\\w+)")
                            .Groups[1]
                            .Value
                    )
                    .Order(StringComparer.Ordinal)
            );
        var first = "_ = await client.QueryAsync(new V(), (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id));";

        Assert.Equal("Calls_Run", Names(first));
        Assert.Equal("Calls_Run Calls_Run_2", Names(first + "\n" + Second));
        // Another selector, code before the calls and a local function around one: the same names.
        Assert.Equal(
            "Calls_Run Calls_Run_2",
            Names(
                "var unused = 1 + 2;\n"
                    + first.Replace("r.Data!.Id", "r.Data!.Published", StringComparison.Ordinal)
                    + "\nasync Task Local() { "
                    + Second
                    + " }\nawait Local();"
            )
        );
    }

    private static GeneratorOutput Run(string csharp) =>
        GeneratorHarness.RunWithCode(csharp, File.ReadAllText(RepositoryFiles.SchemaPath), Package);

    private static string Call(string lambda) => Program($"_ = await client.QueryAsync(new V(), {lambda});");

    private static string Program(string statement) =>
        $$"""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Pyxis.Client;
            using Pyxis.Client.Lambdas;

            public sealed class V { public string Registry { get; init; } = "r"; public string Path { get; init; } = "p"; public bool Flag { get; init; } }

            public static class Calls
            {
                public static async Task Run(IPyxisClient client)
                {
                    {{statement}}
                }

                private static string? Select(Pyxis.Client.Schema.ContainerRepositoryResponse r) => r.Data?.Id;

                [PyxisFragment]
                private static string? Summary(Pyxis.Client.Schema.ContainerRepository r) => r.Repository;
            }
            """;
}
