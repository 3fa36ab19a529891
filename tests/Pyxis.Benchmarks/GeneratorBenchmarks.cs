using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
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

    [GlobalSetup]
    public void Setup()
    {
        var root = Pyxis.Testing.RepositoryRoot.Path;
        files = Directory.GetFiles(Path.Combine(root, "schema"), "*.graphql", SearchOption.AllDirectories)
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

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new PyxisGenerator().AsSourceGenerator()],
        files,
        new CSharpParseOptions(LanguageVersion.Latest),
        new Options(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Values : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = key == "build_property.PyxisNamespace" ? "Bench.Generated" : string.Empty;
                return key == "build_property.PyxisNamespace";
            }
        }
    }
}
