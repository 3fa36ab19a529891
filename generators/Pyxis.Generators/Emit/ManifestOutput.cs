using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Adds the operation manifest's two files (hint names the package's targets look for).</summary>
internal static class ManifestOutput
{
    public const string JsonHintName = "PyxisOperationManifest.json.g.cs";

    public static void Add(SourceProductionContext context, ManifestSpec spec)
    {
        context.AddSource("PyxisOperationManifest.g.cs", SourceText.From(ManifestEmitter.EmitClass(spec), System.Text.Encoding.UTF8));
        context.AddSource(JsonHintName, SourceText.From(ManifestEmitter.EmitJson(spec), System.Text.Encoding.UTF8));
    }
}
