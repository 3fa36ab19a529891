using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Pyxis.Generators.Tests.Infrastructure;

/// <summary>MSBuild options as the compiler hands them to the generator: global properties and per-file metadata.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> schemaRoleByPath)
    : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(
            schemaRoleByPath.TryGetValue(textFile.Path, out var role)
                ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.PyxisRole"] = role }
                : new Dictionary<string, string>()
        );

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
