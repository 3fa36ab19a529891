using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pyxis.Testing;

namespace Pyxis.Generators.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does, and compiles its output against the real runtime.</summary>
internal static class GeneratorHarness
{
    public const string SchemaPath = "/project/schema/test.schema.graphql";
    public const string Namespace = "Pyxis.Tests.Generated";

    // Lambda queries are intercepted; the package's targets enable the namespace for users, tests do it here.
    internal static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest).WithFeatures([
        new("InterceptorsNamespaces", "Pyxis.Generated.Lambdas"),
    ]);

    public static GeneratorDriver CreateDriver(
        IEnumerable<(string Path, string Text)> files,
        string ns = Namespace,
        IReadOnlyDictionary<string, string>? roles = null,
        string? projectDir = null,
        IReadOnlyDictionary<string, string>? properties = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? metadata = null
    ) =>
        CreateDriver(
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToArray(),
            ns,
            roles,
            projectDir,
            properties,
            metadata
        );

    public static GeneratorDriver CreateDriver(
        AdditionalText[] files,
        string ns = Namespace,
        IReadOnlyDictionary<string, string>? roles = null,
        string? projectDir = null,
        IReadOnlyDictionary<string, string>? properties = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? metadata = null
    )
    {
        var global = new Dictionary<string, string> { ["build_property.PyxisNamespace"] = ns };
        foreach (var (name, value) in properties ?? new Dictionary<string, string>())
        {
            global["build_property." + name] = value;
        }

        if (projectDir is not null)
        {
            global["build_property.ProjectDir"] = projectDir;
        }

        var options = new TestOptionsProvider(global, roles ?? new Dictionary<string, string>(), metadata);
        return CSharpGeneratorDriver.Create(
            [new PyxisGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)
        );
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/project/Code{i}.cs")),
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Pyxis.Client.IPyxisClient).Assembly.Location)),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error
            )
        );

    /// <summary>Runs schema + operations; returns the generated files, the generator's diagnostics and the compiler's.</summary>
    public static GeneratorOutput Run(string schema, params (string Path, string Text)[] operations) =>
        RunWithCode(null, schema, operations);

    /// <summary>Like <see cref="Run"/>, with user C# compiled beside the generated code.</summary>
    public static GeneratorOutput RunWithCode(string? csharp, string schema, params (string Path, string Text)[] operations) =>
        RunWithCode(csharp, schema, new Dictionary<string, string>(), operations);

    /// <summary>Like the other overload, with MSBuild properties the generator reads.</summary>
    public static GeneratorOutput RunWithCode(
        string? csharp,
        string schema,
        IReadOnlyDictionary<string, string> properties,
        params (string Path, string Text)[] operations
    )
    {
        var files = operations.Prepend((SchemaPath, schema)).ToArray();
        var compilation = csharp is null ? CreateCompilation() : CreateCompilation(csharp);
        var driver = CreateDriver(files, properties: properties)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var compileDiagnostics = output
            .GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("PYX", StringComparison.Ordinal))
            .ToImmutableArray();
        return new GeneratorOutput(
            result.Results.SelectMany(r => r.GeneratedSources).ToImmutableArray(),
            generatorDiagnostics,
            compileDiagnostics
        );
    }
}

internal static class GeneratorHarnessRuntime
{
    /// <summary>Generates, compiles and loads the result with <paramref name="csharp"/>, so a test can run generated code.</summary>
    public static System.Reflection.Assembly RunAndLoad(string csharp, string schema, params (string Path, string Text)[] operations) =>
        RunAndLoad(csharp, schema, new Dictionary<string, string>(), operations);

    /// <summary>Like the other overload, with MSBuild properties the generator reads (<c>PyxisScalars</c>, …).</summary>
    public static System.Reflection.Assembly RunAndLoad(
        string csharp,
        string schema,
        IReadOnlyDictionary<string, string> properties,
        params (string Path, string Text)[] operations
    )
    {
        var files = operations
            .Prepend((Path: GeneratorHarness.SchemaPath, Text: schema))
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))
            .ToArray();
        GeneratorHarness
            .CreateDriver(files, properties: properties)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(csharp), out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return System.Reflection.Assembly.Load(image.ToArray());
    }
}

internal sealed partial record GeneratorOutput(
    ImmutableArray<GeneratedSourceResult> Sources,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<Diagnostic> CompileDiagnostics
)
{
    public string Source(string hintPrefix) =>
        Sources.Single(s => s.HintName.StartsWith(hintPrefix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>
    /// The source with each list the emitter broke one item per line (<c>(</c>, items ending in <c>,</c>, <c>)</c>)
    /// joined back onto one line, for assertions about what a declaration says; the snapshots pin the layout.
    /// </summary>
    public string JoinedSource(string hintPrefix) =>
        BrokenList().Replace(Source(hintPrefix), m => "(" + string.Join(", ", m.Groups["item"].Captures.Select(c => c.Value.Trim())) + ")");

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\n(?:(?<item>[^\n]*),\n)*(?<item>[^\n]*)\n[ ]*\)")]
    private static partial System.Text.RegularExpressions.Regex BrokenList();

    public Diagnostic Single(string id) => Assert.Single(Diagnostics, d => d.Id == id);
}
