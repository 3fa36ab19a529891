using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Pyxis.Generators;

namespace Pyxis.Benchmarks;

/// <summary>
/// The generator on the full Pyxis schema and every curated operation. Targets: a run on a new driver ≤ 300 ms,
/// a run after an unrelated C# edit (every step cached) ≤ 20 ms.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText[] files = [];
    private CSharpCompilation compilation = null!;
    private CSharpCompilation edited = null!;
    private GeneratorDriver warm = null!;

    /// <summary>False: a consumer project. True: the package's own build (every input/enum type and the lambda-query surface).</summary>
    [Params(false, true)]
    public bool Package { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = Pyxis.Testing.RepositoryRoot.Path;
        files = Directory
            .GetFiles(Path.Combine(root, "schema"), "*.graphql", SearchOption.AllDirectories)
            .Select(p => (AdditionalText)new Pyxis.Testing.InMemoryAdditionalText(p, File.ReadAllText(p)))
            .ToArray();
        compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("class Existing { }")], Net100.References.All);
        edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }"));
        warm = NewDriver().RunGenerators(compilation);
    }

    [Benchmark(Description = "new driver: full schema + curated operations")]
    public GeneratorDriver ColdRun() => NewDriver().RunGenerators(compilation);

    [Benchmark(Description = "warm driver: unrelated C# edit")]
    public GeneratorDriver IncrementalRun() => warm.RunGenerators(edited);

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new PyxisGenerator().AsSourceGenerator()],
            files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new Options(Package),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false)
        );

    private sealed class Options(bool package) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(package);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Values(bool package) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = key switch
                {
                    "build_property.PyxisNamespace" => "Bench.Generated",
                    "build_property.PyxisSchemaTypes" when package => "All",
                    _ => string.Empty,
                };
                return value.Length > 0;
            }
        }
    }
}
