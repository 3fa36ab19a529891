using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Adds the operation manifest's class and its index of parts (hint names the package's targets look for).</summary>
internal static class ManifestOutput
{
    public const string IndexHintName = "PyxisOperationManifest.json.g.cs";

    public static void AddClass(SourceProductionContext context, (string Namespace, string Schema) manifest) =>
        context.AddSource(
            "PyxisOperationManifest.g.cs",
            SourceText.From(ManifestEmitter.EmitClass(manifest.Namespace, manifest.Schema), System.Text.Encoding.UTF8)
        );

    public static void AddIndex(SourceProductionContext context, ManifestIndex index) =>
        context.AddSource(IndexHintName, SourceText.From(ManifestEmitter.EmitIndex(index), System.Text.Encoding.UTF8));
}
