using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pyxis.Generators.Tests.Infrastructure;
using Pyxis.Testing;

namespace Pyxis.Generators.Tests;

/// <summary>
/// The .graphql pipeline must cost nothing on C# edits, and only the edited operation on a .graphql edit; the lambda
/// pipeline must reuse every step on an unrelated C# edit, and rerun only the edited call.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps =
    [
        StepNames.Files,
        StepNames.Options,
        StepNames.Schema,
        StepNames.OperationFiles,
        StepNames.Fragments,
        StepNames.OperationInputs,
        StepNames.Operations,
        StepNames.DuplicateNameWinners,
        StepNames.SharedTypes,
        StepNames.FragmentInterfaces,
        StepNames.SchemaDiagnostics,
        StepNames.OperationDiagnostics,
        StepNames.UnusedFragments,
        StepNames.DuplicateNames,
        StepNames.DuplicateFragments,
        StepNames.Diagnostics,
        StepNames.EmittedOperations,
        StepNames.ManifestClass,
        StepNames.ManifestIndex,
    ];

    private static readonly string[] LambdaSteps =
    [
        StepNames.Surface,
        StepNames.LambdaCalls,
        StepNames.Lambdas,
        StepNames.LambdaDiagnostics,
        StepNames.Diagnostics,
        StepNames.LambdaManifestKeys,
        StepNames.ManifestClass,
        StepNames.ManifestIndex,
    ];

    // The lambda pipeline reads the bundled schema's surface from the referenced runtime, as the package sets it up.
    private static readonly Dictionary<string, string> Package = new()
    {
        ["PyxisSchemaTypes"] = "Referenced",
        ["PyxisTypesNamespace"] = "Pyxis.Client",
    };

    private readonly AdditionalText[] files =
    [
        new InMemoryAdditionalText(GeneratorHarness.SchemaPath, TestSchema.Text),
        new InMemoryAdditionalText("/project/ops/A.graphql", "query A($k: Kind!) { count(kind: $k) }"),
        new InMemoryAdditionalText("/project/ops/B.graphql", "query B { everything { string } }"),
    ];

    [Fact]
    public void Adding_an_unrelated_CSharp_file_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }")));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"{name} was {o.Reason}"));
        }
    }

    [Fact]
    public void Editing_one_operation_reruns_only_that_operation_and_not_the_schema()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(
            files[1],
            new InMemoryAdditionalText("/project/ops/A.graphql", "query A($k: Kind!) { count(kind: $k) everything { int } }")
        );
        driver = driver.RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var operations = steps[StepNames.Operations].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(2, operations.Count);
        Assert.Equal(1, operations.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, operations.Count(IsReused));
        Assert.All(steps[StepNames.Schema].SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"schema was {o.Reason}"));
    }

    [Fact]
    public void Editing_the_schema_reruns_the_operations()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(
            files[0],
            new InMemoryAdditionalText(GeneratorHarness.SchemaPath, TestSchema.Text + "\nscalar Extra\n")
        );
        driver = driver.RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.Contains(steps[StepNames.Schema].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Adding_an_unrelated_CSharp_file_leaves_every_lambda_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(
            LambdaCalls("Calls", "r.Data!.Id"),
            LambdaCalls("OtherCalls", "r.Data!.Published")
        );
        var driver = LambdaDriver().RunGenerators(compilation);

        var options = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", options)));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.Equal(2, steps[StepNames.Lambdas].SelectMany(s => s.Outputs).Count());
        foreach (var name in LambdaSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"{name} was {o.Reason}"));
        }
    }

    [Fact]
    public void Editing_one_lambda_reruns_only_that_lambdas_steps()
    {
        var edited = LambdaCalls("Calls", "r.Data!.Id");
        var compilation = GeneratorHarness.CreateCompilation(edited, LambdaCalls("OtherCalls", "r.Data!.Published"));
        var driver = LambdaDriver().RunGenerators(compilation);

        var old = compilation.SyntaxTrees.First();
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(edited.Replace("r.Data!.Id", "r.Data!.Registry", StringComparison.Ordinal));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, old.WithChangedText(text)));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { StepNames.LambdaCalls, StepNames.Lambdas })
        {
            var reasons = steps[name].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Equal(2, reasons.Count);
            Assert.Single(reasons, r => r == IncrementalStepRunReason.Modified);
            Assert.Single(reasons, IsReused);
        }

        Assert.All(steps[StepNames.Surface].SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"surface was {o.Reason}"));
    }

    [Fact]
    public void Editing_one_lambda_in_place_rewrites_only_its_own_file_and_leaves_the_manifest_index_as_it_was()
    {
        var edited = LambdaCalls("Calls", "r.Data!.Id");
        var compilation = GeneratorHarness.CreateCompilation(edited, LambdaCalls("OtherCalls", "r.Data!.Published"));
        var driver = LambdaDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources;

        var old = compilation.SyntaxTrees.First();
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(edited.Replace("r.Data!.Id", "r.Data!.Registry", StringComparison.Ordinal));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, old.WithChangedText(text)));

        // The edited call's manifest key (name and position) is the same, so the index of parts is not rebuilt.
        Assert.Equal(
            [IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached],
            ReasonsOf(driver, StepNames.Lambdas).OrderBy(r => r == IncrementalStepRunReason.Cached)
        );
        Assert.All(ReasonsOf(driver, StepNames.LambdaManifestKeys), r => Assert.True(IsReused(r), $"a manifest key was {r}"));
        Assert.All(ReasonsOf(driver, StepNames.ManifestIndex), r => Assert.True(IsReused(r), $"the index was {r}"));
        Assert.All(ReasonsOf(driver, StepNames.ManifestClass), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        // Only the edited call's own file (with its manifest part) is new text; the manifest's files and the other call's are the same.
        var after = driver.GetRunResult().Results.Single().GeneratedSources;
        var changed = after.Where(a => !before.Any(b => b.HintName == a.HintName && b.SourceText.ContentEquals(a.SourceText))).ToList();
        var part = Assert.Single(changed);
        Assert.StartsWith("Lambdas/Calls_Run_", part.HintName, StringComparison.Ordinal);
        Assert.Contains("data { registry }", part.SourceText.ToString(), StringComparison.Ordinal);
        Assert.Contains(before, b => b.HintName == part.HintName);
    }

    [Fact]
    public void Editing_a_method_body_in_one_file_does_not_bind_the_call_sites_of_other_files_again()
    {
        var edited = LambdaCalls("Calls", "r.Data!.Id");
        var compilation = GeneratorHarness.CreateCompilation(edited, LambdaCalls("OtherCalls", "r.Data!.Published"), Helper("1"));
        var driver = LambdaDriver().RunGenerators(compilation);

        // A lambda edited, then a plain method body in a file with no lambda: neither changes what other files declare.
        var first = compilation.SyntaxTrees.First();
        var text = edited.Replace("r.Data!.Id", "r.Data!.Registry", StringComparison.Ordinal);
        compilation = compilation.ReplaceSyntaxTree(first, first.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        driver = driver.RunGenerators(compilation);
        Assert.Equal(
            [IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached],
            ReasonsOf(driver, StepNames.LambdaCalls).OrderBy(r => r == IncrementalStepRunReason.Cached)
        );

        var helper = compilation.SyntaxTrees.Last();
        driver = driver.RunGenerators(
            compilation.ReplaceSyntaxTree(helper, helper.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Helper("2"))))
        );
        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached], ReasonsOf(driver, StepNames.LambdaCalls));
        // The helper's file was hashed again (and only it); what it declares did not change.
        Assert.Equal(
            [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged],
            ReasonsOf(driver, StepNames.LambdaDeclarations)
        );
    }

    [Fact]
    public void Editing_a_fragment_method_in_another_file_reads_the_call_sites_that_use_it_again()
    {
        const string Calls = """
            using System.Threading.Tasks;
            using Pyxis.Client;
            using Pyxis.Client.Lambdas;

            public static class Calls
            {
                public static async Task Run(IPyxisClient client) =>
                    _ = await client.QueryAsync(q => q.GetRepositoryByRegistryPath("r", "p", r => Fragments.Label(r.Data!)));
            }
            """;
        static string Fragment(string field) =>
            $$"""
                using Pyxis.Client.Lambdas;

                public static class Fragments
                {
                    [PyxisFragment]
                    public static string? Label(Pyxis.Client.Schema.ContainerRepository r) => r.{{field}};
                }
                """;
        var compilation = GeneratorHarness.CreateCompilation(Calls, Fragment("VendorLabel"));
        var driver = LambdaDriver().RunGenerators(compilation);

        var fragment = compilation.SyntaxTrees.Last();
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(Fragment("Registry"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(fragment, fragment.WithChangedText(text)));

        Assert.Equal([IncrementalStepRunReason.Modified], ReasonsOf(driver, StepNames.LambdaCalls));
        var document = driver
            .GetRunResult()
            .GeneratedTrees.Single(t => t.FilePath.Contains("Calls_Run", StringComparison.Ordinal))
            .ToString();
        Assert.Contains("data { registry }", document, StringComparison.Ordinal);
    }

    private static IEnumerable<IncrementalStepRunReason> ReasonsOf(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static string Helper(string value) =>
        $$"""
            public static class Helper
            {
                public static string Value() => "{{value}}";
            }
            """;

    [Fact]
    public void With_a_named_schema_an_unrelated_CSharp_file_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = TwoSchemas.Driver(NamedSchemaFiles(TwoSchemas.Internal), TwoSchemas.Schema()).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }")));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in TrackedSteps.Concat([StepNames.NamedSchemas, StepNames.SchemaClaims, StepNames.NamedSharedTypes]))
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"{name} was {o.Reason}"));
        }
    }

    [Fact]
    public void Editing_the_named_schema_reruns_its_operations_and_leaves_the_default_schemas_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var texts = NamedSchemaFiles(TwoSchemas.Internal).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToArray();
        var driver = GeneratorHarness
            .CreateDriver(texts, projectDir: TwoSchemas.ProjectDir, metadata: TwoSchemas.Schema())
            .RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(
            texts[1],
            new InMemoryAdditionalText(
                TwoSchemas.InternalPath,
                TwoSchemas.Internal.Replace("parent_brew_build: String", "parent_brew_build: String!")
            )
        );
        driver = driver.RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var outputs = steps[StepNames.Operations]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Value)
            .Cast<Pyxis.Generators.Model.OperationFileResult>()
            .ToList();
        var reasons = steps[StepNames.Operations].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons[outputs.FindIndex(r => r.Schema == "Internal")]);
        Assert.True(IsReused(reasons[outputs.FindIndex(r => r.Schema is null)]), "the default schema's operation was rerun");
        Assert.All(steps[StepNames.Schema].SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"schema was {o.Reason}"));
        Assert.All(steps[StepNames.SchemaClaims].SelectMany(s => s.Outputs), o =>
            Assert.True(IsReused(o.Reason), $"claims were {o.Reason}")
        );
    }

    private static (string Path, string Text)[] NamedSchemaFiles(string internalSchema) =>
        [
            (GeneratorHarness.SchemaPath, TestSchema.Text),
            (TwoSchemas.InternalPath, internalSchema),
            ("/project/Pyxis/Public.graphql", "query Public { get_repository(registry: \"r\") { data { registry } } }"),
            ("/project/Pyxis/Internal/Builds.graphql", "query Builds { get_repository(registry: \"r\") { data { parent_brew_build } } }"),
        ];

    private static GeneratorDriver LambdaDriver() =>
        GeneratorHarness.CreateDriver([(GeneratorHarness.SchemaPath, File.ReadAllText(RepositoryFiles.SchemaPath))], properties: Package);

    private static string LambdaCalls(string className, string selector) =>
        $$"""
            using System.Threading.Tasks;
            using Pyxis.Client;
            using Pyxis.Client.Lambdas;

            public sealed class {{className}}Vars { public string Registry { get; init; } = "r"; public string Path { get; init; } = "p"; }

            public static class {{className}}
            {
                public static async Task Run(IPyxisClient client) =>
                    _ = await client.QueryAsync(new {{className}}Vars(), (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => {{selector}}));
            }
            """;

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}
