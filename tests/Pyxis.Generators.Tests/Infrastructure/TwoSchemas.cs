using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Pyxis.Generators.Tests.Infrastructure;

/// <summary>
/// A project with the default schema and a named one, as the package's targets hand them to the generator: the named
/// schema file carries <c>PyxisSchemaName</c> and <c>PyxisOperationsFolder</c>, an operation may carry <c>PyxisSchemaName</c>.
/// </summary>
internal static class TwoSchemas
{
    public const string ProjectDir = "/project/";
    public const string InternalPath = "/project/schemas/internal.graphql";

    /// <summary>The small test schema plus a field only the internal service has.</summary>
    public static readonly string Internal = TestSchema.Text.Replace(
        "  published: Boolean\n",
        "  published: Boolean\n  parent_brew_build: String\n",
        StringComparison.Ordinal
    );

    public static Dictionary<string, IReadOnlyDictionary<string, string>> Schema(
        string path = InternalPath,
        string name = "Internal",
        string folder = "Pyxis/Internal"
    ) =>
        new()
        {
            [path] = new Dictionary<string, string>
            {
                ["PyxisRole"] = "Schema",
                ["PyxisSchemaName"] = name,
                ["PyxisOperationsFolder"] = folder,
            },
        };

    public static GeneratorDriver Driver(
        IEnumerable<(string Path, string Text)> files,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> metadata
    ) => GeneratorHarness.CreateDriver(files, projectDir: ProjectDir, metadata: metadata);

    /// <summary>Runs the default schema, <see cref="Internal"/> and <paramref name="files"/>, with <paramref name="csharp"/> compiled beside.</summary>
    public static GeneratorOutput Run(
        string? csharp,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> metadata,
        params (string Path, string Text)[] files
    )
    {
        var all = files.Prepend((InternalPath, Internal)).Prepend((GeneratorHarness.SchemaPath, TestSchema.Text)).ToArray();
        var compilation = csharp is null ? GeneratorHarness.CreateCompilation() : GeneratorHarness.CreateCompilation(csharp);
        var driver = Driver(all, metadata).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutput(
            driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToImmutableArray(),
            generatorDiagnostics,
            output
                .GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("PYX", StringComparison.Ordinal))
                .ToImmutableArray()
        );
    }
}
