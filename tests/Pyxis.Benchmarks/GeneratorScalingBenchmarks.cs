using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Pyxis.Generators;

namespace Pyxis.Benchmarks;

/// <summary>
/// How the generator's cost grows with a project: <see cref="Count"/> <c>.graphql</c> operations and as many lambda
/// queries (one per C# file, as code is usually spread), on the 2025 schema. A cold run grows with the count; editing
/// one lambda must not (only that call site is read and translated again).
/// </summary>
/// The edit is also measured on <see cref="ReferenceGenerator"/> (the same inputs, steps and outputs per item, no work of
/// its own) in the same run, so its ratio shows what of the edit's growth is ours and what is Roslyn's floor.
[MemoryDiagnoser]
[GroupBenchmarksBy(
    BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory,
    BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByParams
)]
[CategoriesColumn]
public class GeneratorScalingBenchmarks
{
    private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.Latest).WithFeatures([
        new("InterceptorsNamespaces", "Pyxis.Generated.Lambdas"),
    ]);

    private AdditionalText[] files = [];
    private CSharpCompilation compilation = null!;
    private CSharpCompilation edited = null!;
    private GeneratorDriver warm = null!;
    private GeneratorDriver reference = null!;

    [Params(10, 100, 1000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var schema = Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "pyxis.graphql");
        files =
        [
            new Pyxis.Testing.InMemoryAdditionalText(schema, File.ReadAllText(schema)),
            .. Enumerable
                .Range(0, Count)
                .Select(i => (AdditionalText)new Pyxis.Testing.InMemoryAdditionalText($"/project/Pyxis/Op{i}.graphql", Operation(i))),
        ];
        var trees = Enumerable
            .Range(0, Count)
            .Select(i => CSharpSyntaxTree.ParseText(Lambda(i, "r.Data!.Repository"), Parse, $"/project/Calls{i}.cs"))
            .ToList();
        compilation = CSharpCompilation.Create(
            "Scaling",
            trees,
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Pyxis.Client.IPyxisClient).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
        );
        edited = compilation.ReplaceSyntaxTree(
            trees[Count / 2],
            trees[Count / 2].WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Lambda(Count / 2, "r.Data!.Published")))
        );
        warm = NewDriver().RunGenerators(compilation);
        reference = NewDriver(new ReferenceGenerator()).RunGenerators(compilation);

        // Measure what the description says: every operation and lambda translated, nothing refused.
        var run = warm.GetRunResult();
        var lambdas = run.GeneratedTrees.Count(t => t.FilePath.Contains("Lambdas", StringComparison.Ordinal));
        if (lambdas != Count || run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"{lambdas} of {Count} lambdas generated: {string.Join("; ", run.Diagnostics)}");
        }
    }

    [Benchmark(Description = "new driver: N operations + N lambdas")]
    [BenchmarkCategory("cold")]
    public GeneratorDriver ColdRun() => NewDriver().RunGenerators(compilation);

    [Benchmark(Description = "warm driver: one lambda edited")]
    [BenchmarkCategory("edit")]
    public GeneratorDriver EditOneLambda() => warm.RunGenerators(edited);

    [Benchmark(Baseline = true, Description = "reference generator, warm: one lambda edited")]
    [BenchmarkCategory("edit")]
    public GeneratorDriver EditOneLambdaReference() => reference.RunGenerators(edited);

    private static string Operation(int i) =>
        $"query Op{i}($registry: String, $repository: String) {{ get_repository_by_registry_path(registry: $registry, repository: $repository) {{ data {{ _id repository published }} error {{ status detail }} }} }}";

    private static string Lambda(int i, string selector) =>
        $$"""
            using System.Threading.Tasks;
            using Pyxis.Client;
            using Pyxis.Client.Lambdas;

            public static class Calls{{i}}
            {
                public static Task<object?> RunAsync(IPyxisClient client) =>
                    client.QueryAsync((Registry: "registry.access.redhat.com", Path: "ubi{{i}}/ubi"), static (q, v) =>
                        q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => (object?){{selector}}));
            }
            """;

    private GeneratorDriver NewDriver(IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            [(generator ?? new PyxisGenerator()).AsSourceGenerator()],
            files,
            Parse,
            new Options(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false)
        );

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        // A consumer of the package: its input and enum types come from Pyxis.Client, as the package's targets set.
        private sealed class Values : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = key switch
                {
                    "build_property.PyxisNamespace" => "Scaling.Generated",
                    "build_property.PyxisSchemaTypes" => "Referenced",
                    "build_property.PyxisTypesNamespace" => "Pyxis.Client",
                    _ => string.Empty,
                };
                return value.Length > 0;
            }
        }
    }
}
