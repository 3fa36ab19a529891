using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Pyxis.Generators.Tests.Infrastructure;

/// <summary>MSBuild options as the compiler hands them to the generator: global properties and per-file metadata.</summary>
internal sealed class TestOptionsProvider(
    IReadOnlyDictionary<string, string> global,
    IReadOnlyDictionary<string, string> schemaRoleByPath,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? metadataByPath = null
) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        var values = new Dictionary<string, string>();
        if (schemaRoleByPath.TryGetValue(textFile.Path, out var role))
        {
            values["build_metadata.AdditionalFiles.PyxisRole"] = role;
        }

        // Item metadata as the package's targets set it: PyxisSchemaName="Internal" → build_metadata.AdditionalFiles.PyxisSchemaName.
        if (metadataByPath is not null && metadataByPath.TryGetValue(textFile.Path, out var metadata))
        {
            foreach (var (name, value) in metadata)
            {
                values["build_metadata.AdditionalFiles." + name] = value;
            }
        }

        return new Options(values);
    }

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
