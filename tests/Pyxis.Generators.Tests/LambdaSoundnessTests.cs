using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>
/// Sound or refused: what a selector reads through locals, nested patterns and fragment methods however called is
/// asked; a shape that would run code on the recording run's placeholders, skip a root call or pass the query root
/// on is a PYX1xx at the expression.
/// </summary>
public sealed class LambdaSoundnessTests
{
    private static readonly Dictionary<string, string> Package = new()
    {
        ["PyxisSchemaTypes"] = "Referenced",
        ["PyxisTypesNamespace"] = "Pyxis.Client",
    };

    [Theory]
    // A block body keeping the data object in a local and reading a nested object's field through it.
    [InlineData("q.GetImage(v.Path, r => { var d = r.Data; return d?.Brew?.Build; })", "{ data { brew { build } } }")]
    [InlineData(
        "q.GetImage(v.Path, r => { var d = r.Data!; var b = d.Brew!; return (b.Build, d.Architecture); })",
        "{ data { architecture brew { build } } }"
    )]
    // Designations nested in property patterns, at any depth, and the other branch's fields.
    [InlineData(
        "q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o is { Data: { } d } ? d.Repository : o.Error!.Detail)",
        "{ data { repository } error { detail } }"
    )]
    [InlineData(
        "q.GetImage(v.Path, o => o is { Data: { Brew: { Build: var build } b } } ? build + b.Package : null)",
        "{ data { brew { build package } } }"
    )]
    [InlineData(
        "q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o.Data switch { { Published: true } d => d.Registry, _ => null })",
        "{ data { published registry } }"
    )]
    [InlineData(
        "q.FindImagesByNvr(v.Path, null, 0, 50, null, p => p.Data is [{ Architecture: var a }, ..] ? a : null)",
        "{ data { architecture } }"
    )]
    [InlineData(
        "q.FindImagesByNvr(v.Path, null, 0, 50, null, p => { var all = new System.Collections.Generic.List<string?>(); foreach (var i in p.Data!) { all.Add(i!.Architecture); } return all; })",
        "{ data { architecture } }"
    )]
    // Casts, LINQ query syntax and deconstruction are followed too.
    [InlineData("q.GetImage(v.Path, r => ((Pyxis.Client.Schema.ContainerImage)r.Data!).Brew!.Build)", "{ data { brew { build } } }")]
    [InlineData("q.GetImage(v.Path, r => (r.Data as Pyxis.Client.Schema.ContainerImage)?.Brew?.Build)", "{ data { brew { build } } }")]
    [InlineData(
        "q.FindImagesByNvr(v.Path, null, 0, 50, null, p => (from i in p.Data! let b = i!.Brew where i.Architecture == \"amd64\" select b!.Build).ToList())",
        "{ data { architecture brew { build } } }"
    )]
    [InlineData(
        "q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => { var (d, e) = (r.Data, r.Error); return d?.Registry ?? e?.Detail; })",
        "{ data { registry } error { detail } }"
    )]
    // [PyxisFragment] methods as extension methods, static methods of another class and method groups.
    [InlineData("q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Name())", "{ data { repository } }")]
    [InlineData("q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data?.Name())", "{ data { repository } }")]
    [InlineData("q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => Fragments.Label(r.Data!))", "{ data { vendor_label } }")]
    [InlineData("q.FindImagesByNvr(v.Path, null, 0, 50, null, p => p.Data!.Select(Fragments.Arch).ToList())", "{ data { architecture } }")]
    // Parenthesized and typed selector parameters; named arguments in any order.
    [InlineData("q.GetRepositoryByRegistryPath(v.Registry, v.Path, (r) => r.Data!.Registry)", "{ data { registry } }")]
    [InlineData(
        "q.GetRepositoryByRegistryPath(v.Registry, v.Path, (Pyxis.Client.Schema.ContainerRepositoryResponse r) => r.Data!.Registry)",
        "{ data { registry } }"
    )]
    [InlineData(
        "q.GetRepositoryByRegistryPath(select: r => r.Data!.Registry, repository: v.Path, registry: v.Registry)",
        "{ data { registry } }"
    )]
    // A local function is read like a fragment; a local assigned later is followed like one declared with the value.
    [InlineData(
        "q.GetImage(v.Path, r => { string? F(Pyxis.Client.Schema.ContainerImage? i) => i?.Brew?.Build; return F(r.Data); })",
        "{ data { brew { build } } }"
    )]
    [InlineData(
        "q.GetImage(v.Path, r => { Pyxis.Client.Schema.ContainerImage? d = null; d = r.Data; return d?.Brew?.Build; })",
        "{ data { brew { build } } }"
    )]
    // Query syntax over nested lists, continuations and groups: each range variable is followed like the item it is.
    [InlineData(
        "q.FindImagesByNvr(v.Path, null, 0, 50, null, p => (from i in p.Data! from t in i!.Repositories! where t!.Published == true select t.Registry).ToList())",
        "{ data { repositories { published registry } } }"
    )]
    [InlineData(
        "q.FindImagesByNvr(v.Path, null, 0, 50, null, p => (from i in p.Data! select i into k where k!.Architecture != null select k.Brew!.Build).ToList())",
        "{ data { architecture brew { build } } }"
    )]
    [InlineData(
        "q.FindImagesByNvr(v.Path, null, 0, 50, null, p => (from i in p.Data! group i by i!.Architecture into g from x in g select x!.Brew!.Package).ToList())",
        "{ data { architecture brew { package } } }"
    )]
    // A selector that reads nothing of the result still asks for it.
    [InlineData("q.GetImage(v.Path, r => 42)", "{ __typename }")]
    public void What_a_selector_reads_through_locals_patterns_and_fragments_is_asked(string call, string selection)
    {
        var output = Run(Program($"_ = await client.QueryAsync(new V(), (q, v) => {call});"));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.EndsWith(selection + " }", Document(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => { if (v.Flag) { return null; } return q.GetImage(v.Path, r => r.Data!.Id); });",
        "PYX102",
        "Root field 'get_image' is called under a condition, a loop, another lambda or after a return",
        "q.GetImage(v.Path, r => r.Data!.Id)"
    )]
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => { foreach (var p in new[] { v.Path }) { q.GetImage(p, r => r.Data!.Id); } return 1; });",
        "PYX102",
        "Root field 'get_image' is called under a condition",
        "q.GetImage(p, r => r.Data!.Id)"
    )]
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => q.GetImage(v.Path, r => r.Data!.Id)!.Trim());",
        "PYX107",
        "computes with the result of root field 'get_image' outside its selector",
        "q.GetImage(v.Path, r => r.Data!.Id)!.Trim"
    )]
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => { var id = q.GetImage(v.Path, r => r.Data!.Id); return id!.Length; });",
        "PYX107",
        "'id!.Length' computes with the result of root field 'get_image'",
        "id!.Length"
    )]
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => { var id = q.GetImage(v.Path, r => r.Data!.Id); return q.GetImage(id!, r => r.Data!.Architecture); });",
        "PYX108",
        "An argument of root field 'get_image' is computed from the result of root field 'get_image'",
        "id!"
    )]
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => { var id = q.GetRepositoryByRegistryPath(v.Path, v.Path, r => r.Data!.Id); return q.GetImage(id!, r => r.Data!.Architecture); });",
        "PYX108",
        "An argument of root field 'get_image' is computed from the result of root field 'get_repository_by_registry_path'",
        "id!"
    )]
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => Helper(q, /* why */\n    v.Path));",
        "PYX109",
        "'Helper(q, v.Path)' uses 'q' other than to call a root field on it",
        "Helper(q, /* why */\n    v.Path)"
    )]
    [InlineData(
        "_ = await client.QueryAsync(new V(), (q, v) => Helper(q, v.Path));",
        "PYX109",
        "'Helper(q, v.Path)' uses 'q' other than to call a root field on it",
        "Helper(q, v.Path)"
    )]
    public void What_would_run_on_placeholders_or_skip_a_root_call_is_refused_at_the_expression(
        string statement,
        string id,
        string message,
        string at
    )
    {
        var output = Run(Program(statement));

        var diagnostic = Assert.Single(output.Diagnostics, d => d.Id == id);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        var source = Program(statement);
        Assert.Equal(at, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Theory]
    [InlineData("q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => o is ({ } d, _) ? d.Repository : null)", "PYX120", "({ } d, _)")]
    [InlineData(
        "q.GetRepositoryByRegistryPath(v.Registry, v.Path, o => { var (d, e) = o; return d?.Repository ?? e?.Detail; })",
        "PYX120",
        "var (d, e) = o"
    )]
    [InlineData("q.GetImage(v.Path, r => { last = r.Data; return 1; })", "PYX121", "last = r.Data")]
    [InlineData("q.GetImage(v.Path, r => Describe(r.Data))", "PYX122", "r.Data")]
    [InlineData("q.FindImagesByNvr(v.Path, null, 0, 50, null, p => p.Data!.Select(Describe).ToList())", "PYX122", "Describe")]
    [InlineData(
        "q.GetImage(v.Path, r => { System.Func<Pyxis.Client.Schema.ContainerImage?, string?> f = i => i?.Brew?.Build; return f(r.Data); })",
        "PYX123",
        "r.Data"
    )]
    [InlineData("q.Entities(v.Representations, e => e.Select(x => x!.Value).ToList())", "PYX124", "x!.Value")]
    public void Constructs_the_analysis_does_not_follow_are_one_error_at_the_expression(string call, string id, string at)
    {
        var source = Program($"_ = await client.QueryAsync(new V(), (q, v) => {call});");
        var output = Run(source);

        var diagnostic = Assert.Single(output.Diagnostics.Concat(output.CompileDiagnostics));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(at, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Theory]
    // A root call that may be skipped is PYX102 only: what is then done with its result is not reported too.
    [InlineData("(q, v) => v.Flag ? q.GetImage(v.Path, r => r.Data!.Id)!.Trim() : null", "PYX102", "q.GetImage(v.Path, r => r.Data!.Id)")]
    [InlineData(
        "(q, v) => { var id = v.Flag ? q.GetImage(v.Path, r => r.Data!.Id) : null; return id!.Length; }",
        "PYX102",
        "q.GetImage(v.Path, r => r.Data!.Id)"
    )]
    [InlineData(
        "(q, v) => new[] { v.Path }.Select(p => q.GetImage(p, r => r.Data!.Id)).ToList()",
        "PYX102",
        "q.GetImage(p, r => r.Data!.Id)"
    )]
    // What always runs first (the left of ?., the condition of ?: or if) is not under a condition: computing on it is PYX107 only.
    [InlineData("(q, v) => q.GetImage(v.Path, r => r.Data!.Id)?.Trim()", "PYX107", "q.GetImage(v.Path, r => r.Data!.Id)?.Trim()")]
    [InlineData(
        "(q, v) => q.GetImage(v.Path, r => r.Data!.Id != null) ? 1 : 2",
        "PYX107",
        "q.GetImage(v.Path, r => r.Data!.Id != null) ? 1 : 2"
    )]
    [InlineData(
        "(q, v) => q.GetImage(v.Path, r => r.Data!.Id) switch { null => 1, _ => 2 }",
        "PYX107",
        "q.GetImage(v.Path, r => r.Data!.Id) switch { null => 1, _ => 2 }"
    )]
    // q handed to a method is PYX109 only, not also "no root field is called" (PYX103).
    [InlineData("(q, v) => Helper(q, v.Path)!.Trim()", "PYX109", "Helper(q, v.Path)")]
    public void One_mistake_is_one_error(string lambda, string id, string at)
    {
        var source = Program($"_ = await client.QueryAsync(new V(), {lambda});");
        var output = Run(source);

        var diagnostic = Assert.Single(output.Diagnostics.Concat(output.CompileDiagnostics));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(at, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Theory]
    [InlineData("(q, v) => q.GetImage(v.Path, r => r.Data!.Id) ?? \"none\"")]
    [InlineData("(q, v) => new { A = q.GetImage(v.Path, r => r.Data!.Id), B = q.GetImage(v.Path, r => r.Data!.Architecture) }")]
    [InlineData(
        "(q, v) => { var a = q.GetImage(v.Path, r => r.Data!.Id); var b = q.GetImage(v.Path, r => r.Data!.Architecture); return (a, b ?? \"none\"); }"
    )]
    [InlineData("(q, v) => new Pair(q.GetImage(v.Path, r => r.Data!.Id), q.GetImage(v.Path, r => r.Data!.Architecture))")]
    [InlineData("(q, v) => { var a = q.GetImage(v.Path, r => r.Data!.Id); return q.GetImage(v.Path, r => (a, r.Data!.Architecture)); }")]
    public void Root_results_carried_to_the_result_or_read_by_a_later_selector_are_accepted(string lambda)
    {
        var output = Run(Program($"_ = await client.QueryAsync(new V(), {lambda});"));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
    }

    [Theory]
    [InlineData("_ = await client.QueryAsync(q => q.GetImage(\"x\", r => r.Data!.Id));", "query Calls_Run(")]
    [InlineData(
        "var path = \"p\"; _ = await client.QueryAsync(q => q.GetImage(path, (r) => r.Data!.Architecture));",
        "{ data { architecture } }"
    )]
    [InlineData("_ = await client.MutateAsync(m => m.CreateImage(new ContainerImageInput(), r => r.Data!.Id));", "mutation Calls_Run(")]
    public void A_lambda_without_a_variables_object_is_translated(string statement, string expected)
    {
        var output = Run(Program(statement));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.Contains(expected, Document(output), StringComparison.Ordinal);
    }

    private static string Document(GeneratorOutput output)
    {
        var source = Assert.Single(output.Sources, s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal)).SourceText.ToString();
        var start = source.IndexOf("Document = \"", StringComparison.Ordinal) + 12;
        return source[start..source.IndexOf("\";", start, StringComparison.Ordinal)];
    }

    private static GeneratorOutput Run(string csharp) =>
        GeneratorHarness.RunWithCode(csharp, File.ReadAllText(RepositoryFiles.SchemaPath), Package);

    internal static string Program(string statement) =>
        $$"""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Pyxis.Client;
            using Pyxis.Client.Lambdas;

            public sealed class V { public string Registry { get; init; } = "r"; public string Path { get; init; } = "p"; public bool Flag { get; init; } public System.Collections.Generic.List<System.Text.Json.JsonElement> Representations { get; init; } = new(); }

            public sealed record Pair(string? A, string? B);

            public static class Calls
            {
                public static async Task Run(IPyxisClient client)
                {
                    {{statement}}
                }

                public static Pyxis.Client.Schema.ContainerImage? last;

                private static string? Describe(Pyxis.Client.Schema.ContainerImage? i) => i?.Brew?.Build;

                public static void Deconstruct(this Pyxis.Client.Schema.ContainerRepositoryResponse r, out Pyxis.Client.Schema.ContainerRepository? d, out Pyxis.Client.Schema.ResponseError? e) => (d, e) = (r.Data, r.Error);

                private static string? Helper(Pyxis.Client.Schema.PyxisQuery q, string path) => q.GetImage(path, r => r.Data!.Id);

                [PyxisFragment]
                private static string? Name(this Pyxis.Client.Schema.ContainerRepository r) => r.Repository;
            }

            public static class Fragments
            {
                [PyxisFragment]
                public static string? Label(Pyxis.Client.Schema.ContainerRepository r) => r.VendorLabel;

                [PyxisFragment]
                public static string? Arch(Pyxis.Client.Schema.ContainerImage? i) => i!.Architecture;
            }
            """;
}
