using System.Reflection;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pyxis.Client;
using Pyxis.Client.Schema;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests.LambdaProperty;

/// <summary>
/// Many selectors compiled once, with the generator, into one in-memory assembly: for each, the lambda query
/// (intercepted, asking what the generator decided) and the same selector as plain C# over a whole object graph.
/// A selector the generator refuses (a PYX error inside it) is left out of the run, and counted.
/// </summary>
internal sealed class CompiledSelectors
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Pyxis.Client;
        using Pyxis.Client.Lambdas;
        using Pyxis.Client.Schema;

        public sealed class V { public string Id { get; init; } = "i"; }

        public static class Fragments
        {
            [PyxisFragment]
            public static string? Label(Brew? b) => b?.Build + ":" + b?.Package;

            [PyxisFragment]
            public static string? PathOf(this ContainerImageRepo? r) => r?.Registry + "/" + r?.Repository;

            [PyxisFragment]
            public static string? TagName(ContainerImageRepoTag? t) => t?.Name;
        }

        public static class Selectors
        {
            private static object? Apply<T>(ContainerImageResponse response, Func<ContainerImageResponse, T> select) => select(response);

        """;

    private CompiledSelectors(IReadOnlyList<string> texts, Type selectors, IReadOnlyDictionary<int, string> refused)
    {
        Texts = texts;
        Type = selectors;
        Refused = refused;
    }

    public IReadOnlyList<string> Texts { get; }

    /// <summary>Selectors the generator refused, with its diagnostic.</summary>
    public IReadOnlyDictionary<int, string> Refused { get; }

    private Type Type { get; }

    /// <summary>
    /// Compiles <paramref name="selectors"/>; <paramref name="declarations"/> (types and helpers they use) go into the
    /// <c>Selectors</c> class.
    /// </summary>
    public static CompiledSelectors Compile(IReadOnlyList<string> selectors, string declarations = "")
    {
        var source = new StringBuilder(Prelude).Append(declarations).Append('\n');
        var spans = new List<(int Start, int End)>();
        for (var i = 0; i < selectors.Count; i++)
        {
            var start = source.Length;
            source.Append(
                $"    public static async Task<object?> Projected{i}(IPyxisClient client) => await client.QueryAsync(new V(), static (q, v) => q.GetImage(v.Id, {selectors[i]}));\n"
            );
            spans.Add((start, source.Length));
            source.Append($"    public static object? Full{i}(ContainerImageResponse response) => Apply(response, {selectors[i]});\n");
        }

        source.Append("}\n");
        var text = source.ToString();
        var compilation = CSharpCompilation.Create(
            "Selectors",
            [CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path: "/project/Selectors.cs")],
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(IPyxisClient).Assembly.Location)),
            // Nullable analysis would bind every nested selector lambda again; the comparison needs no warnings.
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)
        );
        var files = new (string, string)[] { (GeneratorHarness.SchemaPath, File.ReadAllText(RepositoryFiles.SchemaPath)) };
        GeneratorHarness
            .CreateDriver(
                files,
                properties: new Dictionary<string, string> { ["PyxisSchemaTypes"] = "Referenced", ["PyxisTypesNamespace"] = "Pyxis.Client" }
            )
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var refused = new Dictionary<int, string>();
        foreach (var diagnostic in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var at = spans.FindIndex(s => s.Start <= diagnostic.Location.SourceSpan.Start && diagnostic.Location.SourceSpan.Start < s.End);
            Assert.True(at >= 0, "A generator error outside every selector: " + diagnostic);
            refused[at] = diagnostic.ToString();
        }

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(
            emitted.Success,
            "The grammar made C# that does not compile:\n"
                + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
        );
        return new CompiledSelectors(selectors, Assembly.Load(image.ToArray()).GetType("Selectors")!, refused);
    }

    /// <summary>Selector <paramref name="index"/> as a lambda query answered from <paramref name="answer"/>.</summary>
    public Outcome Projected(int index, ImageResponse answer) =>
        Outcome.Of(() =>
            ((Task<object?>)Type.GetMethod("Projected" + index)!.Invoke(null, [new DocumentAnswerer(answer.ToJson())])!)
                .GetAwaiter()
                .GetResult()
        );

    /// <summary>Selector <paramref name="index"/> as plain C# over the whole graph of <paramref name="answer"/>.</summary>
    public Outcome Full(int index, ImageResponse answer) =>
        Outcome.Of(() => Type.GetMethod("Full" + index)!.Invoke(null, [answer.ToGraph()]));
}
