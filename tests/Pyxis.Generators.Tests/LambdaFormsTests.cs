using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>
/// The forms ZeroQL users write (issue 16 item 3): optional parameters for nullable arguments (left out of the
/// document when not given), Query-root fragments, arguments on fields below the root (wrappers: LambdaWrapperTests).
/// </summary>
public sealed class LambdaFormsTests
{
    private static readonly Dictionary<string, string> Package = new()
    {
        ["PyxisSchemaTypes"] = "Referenced",
        ["PyxisTypesNamespace"] = "Pyxis.Client",
    };

    [Theory]
    // Not given: left out of the document (the server applies its default), not sent as null.
    [InlineData(
        "q.FindRepositories(r => r.Data!.Select(x => x!.Id).ToList())",
        "query Calls_Run { f0: find_repositories { data { _id } } }"
    )]
    [InlineData("q.GetImage(select: r => r.Data!.Id)", "query Calls_Run { f0: get_image { data { _id } } }")]
    [InlineData(
        "q.FindRepositories(pageSize: 5, select: r => r.Data!.Select(x => x!.Id).ToList())",
        "query Calls_Run($page_size__0: Int) { f0: find_repositories(page_size: $page_size__0) { data { _id } } }"
    )]
    [InlineData(
        "q.FindImagesByNvr(v.Path, page: 1, select: p => p.Total)",
        "query Calls_Run($nvr__0: String, $page__0: Int) { f0: find_images_by_nvr(nvr: $nvr__0, page: $page__0) { total } }"
    )]
    // Given, even as null: a variable, as every argument was before.
    [InlineData(
        "q.GetImage(null, r => r.Data!.Id)",
        "query Calls_Run($id__0: ObjectIDFilterScalar) { f0: get_image(id: $id__0) { data { _id } } }"
    )]
    [InlineData(
        "q.GetRepositoryByRegistryPath(v.Registry, select: r => r.Data!.Id)",
        "query Calls_Run($registry__0: String) { f0: get_repository_by_registry_path(registry: $registry__0) { data { _id } } }"
    )]
    public void Optional_arguments_not_given_are_left_out_of_the_document(string call, string document)
    {
        var output = Run(Program($"_ = await client.QueryAsync(new V(), (q, v) => {call});"));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.Equal(document, Document(output));
    }

    [Fact]
    public void A_batched_lambda_declares_only_the_arguments_it_gives()
    {
        var output = Run(
            Program("await foreach (var _ in client.QueryEachAsync(new[] { new V() }, (q, v) => q.GetImage(select: r => r.Data!.Id))) { }")
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        var source = Lambda(output);
        Assert.Contains("new string[] {  }", source, StringComparison.Ordinal);
        Assert.Contains("\"get_image { data { _id } }\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_call_without_its_selector_is_PYX115_at_the_call()
    {
        const string Statement = "_ = await client.QueryAsync(new V(), (q, v) => q.GetImage<string>(v.Path));";
        var output = Run(Program(Statement));

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == "PYX115");
        Assert.Contains("'get_image' is called without a selector", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("q.GetImage<string>(v.Path)", At(Program(Statement), diagnostic));
    }

    private const string QueryFragments = """
            [PyxisFragment]
            public static string? Arch(PyxisQuery q, string id) => q.GetImage(id, r => r.Data!.Architecture);

            [PyxisFragment]
            public static (string?, string?) Both(this PyxisQuery root, string id) => (root.GetImage(id, r => r.Data!.Id), Arch(root, id));

            [PyxisFragment]
            public static string? Maybe(PyxisQuery q, bool flag) => flag ? q.GetImage("x", r => r.Data!.Id) : null;

            [PyxisFragment]
            public static int Computes(PyxisQuery q) => q.GetImage("x", r => r.Data!.Id)!.Length;
        """;

    [Theory]
    [InlineData(
        "(q, v) => Arch(q, v.Path)",
        "query Calls_Run($id__0: ObjectIDFilterScalar) { f0: get_image(id: $id__0) { data { architecture } } }"
    )]
    // In the order they run: the lambda's own call, then the fragment's, then the fragment it calls, each numbered in turn.
    [InlineData(
        "(q, v) => (q.GetImage(v.Path, r => r.Data!.Brew!.Build), q.Both(v.Registry))",
        "query Calls_Run($id__0: ObjectIDFilterScalar, $id__1: ObjectIDFilterScalar, $id__2: ObjectIDFilterScalar) { f0: get_image(id: $id__0) { data { brew { build } } } f1: get_image(id: $id__1) { data { _id } } f2: get_image(id: $id__2) { data { architecture } } }"
    )]
    [InlineData("q => { var both = Both(q, \"x\"); return both; }", "f1: get_image(id: $id__1) { data { architecture } } }")]
    public void A_query_root_fragment_is_read_in_place(string lambda, string document)
    {
        var statement = lambda.StartsWith("q =>", StringComparison.Ordinal)
            ? $"_ = await client.QueryAsync({lambda});"
            : $"_ = await client.QueryAsync(new V(), {lambda});";
        var output = Run(Program(statement, QueryFragments));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.EndsWith(document, Document(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "(q, v) => v.Path.Length > 1 ? Arch(q, v.Path) : null",
        "PYX102",
        "Root field 'Arch' is called under a condition",
        "Arch(q, v.Path)"
    )]
    [InlineData(
        "(q, v) => Maybe(q, true)",
        "PYX102",
        "Root field 'get_image' is called under a condition",
        "q.GetImage(\"x\", r => r.Data!.Id)"
    )]
    [InlineData("(q, v) => Arch(q, v.Path)!.Trim()", "PYX107", "computes with the result of root field 'Arch'", "Arch(q, v.Path)!.Trim")]
    [InlineData(
        "(q, v) => Computes(q)",
        "PYX107",
        "computes with the result of root field 'get_image'",
        "q.GetImage(\"x\", r => r.Data!.Id)!.Length"
    )]
    public void A_query_root_fragment_is_held_to_the_query_lambdas_rules(string lambda, string id, string message, string at)
    {
        var source = Program($"_ = await client.QueryAsync(new V(), {lambda});", QueryFragments);
        var output = Run(source);

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == id);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(at, At(source, diagnostic));
    }

    [Theory]
    [InlineData(
        "q.GetImage(v.Path, r => r.Data!.Edges!.RpmManifestWith(id: \"m1\", select: m => m.Data!.Id))",
        "query Calls_Run($id__0: ObjectIDFilterScalar, $id__0_0: String) { f0: get_image(id: $id__0) { data { edges { rpm_manifest__with: rpm_manifest(id: $id__0_0) { data { _id } } } } } }",
        "recording.RecordConstant(\"id__0_0\"u8, \"\\\"m1\\\"\"u8);"
    )]
    // Beside the same field without arguments, and with a const; a null constant is declared but not sent.
    [InlineData(
        "q.GetImage(v.Path, r => (r.Data!.Edges!.RpmManifest!.Data!.Id, r.Data!.Edges!.RpmManifestWith(Manifest, m => m.Data!.Id), r.Data!.Edges!.CertProjectWith(null, p => p.Data!.Id)))",
        "{ f0: get_image(id: $id__0) { data { edges { cert_project__with: cert_project(pid: $pid__0_0) { data { _id } } rpm_manifest { data { _id } } rpm_manifest__with: rpm_manifest(id: $id__0_1) { data { _id } } } } } }",
        "recording.RecordConstant(\"id__0_1\"u8, \"\\\"m\\\\\\\"2\\\"\"u8);"
    )]
    [InlineData(
        "q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Edges!.ImagesWith(pageSize: 2, select: p => p.Data!.Select(i => i!.Architecture).ToList()))",
        "images__with: images(page_size: $page_size__0_0) { data { architecture } }",
        "recording.RecordConstant(\"page_size__0_0\"u8, \"2\"u8);"
    )]
    public void A_field_below_the_root_is_given_its_arguments_as_variables(string call, string document, string constant)
    {
        var output = Run(
            Program($"_ = await client.QueryAsync(new V(), (q, v) => {call});", "private const string Manifest = \"m\\\"2\";")
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.Contains(document, Document(output), StringComparison.Ordinal);
        Assert.Contains(constant, Lambda(output), StringComparison.Ordinal);
        Assert.DoesNotContain("RecordConstant(\"pid", Lambda(output), StringComparison.Ordinal);
    }

    [Theory]
    // A member of v, a captured local, a parameter of the method: variables written when the lambda is recorded.
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => q.GetImage(v.Path, r => r.Data!.Edges!.RpmManifestWith(v.Registry, m => m.Data!.Id)));",
        "query Calls_Run($id__0: ObjectIDFilterScalar, $id__0_0: String) { f0: get_image(id: $id__0) { data { edges { rpm_manifest__with: rpm_manifest(id: $id__0_0) { data { _id } } } } } }"
    )]
    [InlineData(
        "var manifest = \"m1\"; _ = await client.QueryAsync(q => q.GetImage(\"i\", r => (r.Data?.Edges?.RpmManifestWith(manifest, m => m.Data!.Id), r.Data!.Architecture)));",
        "{ f0: get_image(id: $id__0) { data { architecture edges { rpm_manifest__with: rpm_manifest(id: $id__0_0) { data { _id } } } } } }"
    )]
    [InlineData(
        "_ = await Sized(client, 3);",
        "query Calls_Sized($registry__0: String, $repository__0: String, $page_size__0_0: Int) { f0: get_repository_by_registry_path(registry: $registry__0, repository: $repository__0) { data { edges { images__with: images(page_size: $page_size__0_0) { total } } } } }"
    )]
    public void A_field_argument_known_at_run_time_is_a_variable_written_when_the_lambda_is_recorded(string statement, string document)
    {
        const string Sized = """
                public static Task<int?> Sized(IPyxisClient client, int size) =>
                    client.QueryAsync(q => q.GetRepositoryByRegistryPath("r", "p", r => new { Total = r.Data!.Edges!.ImagesWith(pageSize: size * 1, select: p => p.Total) }.Total));
            """;
        var output = Run(Program(statement, statement.Contains("Sized", StringComparison.Ordinal) ? Sized : string.Empty));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.EndsWith(document, Document(output), StringComparison.Ordinal);
        var lambda = Lambda(output);
        Assert.Contains("recording.Hoist(0, new Hoist0_0(recording));", lambda, StringComparison.Ordinal);
        Assert.Contains("recording.WriteHoisted(", lambda, StringComparison.Ordinal);
        Assert.DoesNotContain("RecordConstant", lambda, StringComparison.Ordinal);
    }

    [Theory]
    // Depends on the answer: the document is sent before the answer exists.
    [InlineData(
        "(q, v) => q.GetImage(v.Path, r => r.Data!.Edges!.RpmManifestWith(id: r.Data.Id, select: m => m.Data!.Id))",
        "r.Data.Id",
        "'r.Data.Id' depends on 'r', which the selector reads from the answer, but the document and its variables are sent before the answer exists"
    )]
    [InlineData(
        "(q, v) => q.GetImage(v.Path, r => { var id = r.Data!.Id; return r.Data!.Edges!.RpmManifestWith(id, m => m.Data!.Id); })",
        "id",
        "'id' depends on 'id', which the selector reads from the answer"
    )]
    [InlineData(
        "(q, v) => { var a = q.GetImage(v.Path, r => r.Data!.Id); return (a, q.GetImage(v.Path, r => r.Data!.Edges!.RpmManifestWith(a, m => m.Data!.Id))); }",
        "a",
        "'a' depends on 'a', which holds a root field's result: it is not there when the document and its variables are sent"
    )]
    // Known at run time, but not reached first on a path of fields: the recording run could not get there without the answer.
    [InlineData(
        "(q, v) => q.GetImage(v.Path, r => (r.Data!.Architecture, r.Data!.Edges!.RpmManifestWith(v.Registry, m => m.Data!.Id)))",
        "v.Registry",
        "'v.Registry' is known only at run time, so it is read before the request is sent by walking the selector to this call; that needs the call to be the first thing the selector evaluates"
    )]
    [InlineData(
        "(q, v) => q.FindImagesByNvr(v.Path, select: p => p.Data!.Select(i => i!.Edges!.RpmManifestWith(v.Registry, m => m.Data!.Id)).ToList())",
        "v.Registry",
        "not inside a list lambda, a local or a fragment: move it there, or pass a constant"
    )]
    public void A_field_argument_that_cannot_be_sent_is_PYX116_at_the_argument(string lambda, string at, string message)
    {
        var source = Program($"_ = await client.QueryAsync(new V(), {lambda});");
        var output = Run(source);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX116", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(at, At(source, diagnostic));
    }

    [Fact]
    public void A_field_read_twice_with_different_arguments_is_PYX116()
    {
        var output = Run(
            Program(
                "_ = await client.QueryAsync(new V(), (q, v) => q.GetImage(v.Path, r => (r.Data!.Edges!.RpmManifestWith(\"a\", m => m.Data!.Id), r.Data!.Edges!.RpmManifestWith(\"b\", m => m.Data!.Id))));"
            )
        );

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == "PYX116");
        Assert.Contains("read twice on one object with different arguments", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    internal static string At(string source, Microsoft.CodeAnalysis.Diagnostic diagnostic) =>
        source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);

    internal static string Lambda(GeneratorOutput output) =>
        Assert.Single(output.Sources, s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal)).SourceText.ToString();

    internal static string Document(GeneratorOutput output)
    {
        var source = Lambda(output);
        var start = source.IndexOf("Document = \"", StringComparison.Ordinal) + 12;
        return source[start..source.IndexOf("\";", start, StringComparison.Ordinal)];
    }

    internal static GeneratorOutput Run(string csharp) =>
        GeneratorHarness.RunWithCode(csharp, File.ReadAllText(RepositoryFiles.SchemaPath), Package);

    internal static string Program(string statement, string members = "") =>
        $$"""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Pyxis.Client;
            using Pyxis.Client.Lambdas;
            using Pyxis.Client.Schema;

            public sealed class V { public string Registry { get; init; } = "r"; public string Path { get; init; } = "p"; }

            public static class Calls
            {
                public static async Task Run(IPyxisClient client)
                {
                    {{statement}}
                }
            {{members}}
            }
            """;
}
