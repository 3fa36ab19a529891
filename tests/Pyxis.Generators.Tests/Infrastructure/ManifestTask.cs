using System.Reflection;
using System.Xml.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Pyxis.Generators.Tests.Infrastructure;

/// <summary>
/// The package targets' own inline task (<c>Pyxis.Client.Manifest.targets</c>), compiled from the targets file and run
/// over a generator run's files as the compiler writes them out: what a consumer's <c>pyxis-operations.json</c> would hold.
/// </summary>
internal static class ManifestTask
{
    private static readonly Lazy<Action<string, string>> Task = new(Compile);

    public static string Join(GeneratorOutput output)
    {
        var folder = Directory.CreateTempSubdirectory("pyxis-manifest-");
        try
        {
            foreach (var source in output.Sources)
            {
                var path = Path.Combine(folder.FullName, source.HintName);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, source.SourceText.ToString());
            }

            var destination = Path.Combine(folder.FullName, "pyxis-operations.json");
            Task.Value(Path.Combine(folder.FullName, "PyxisOperationManifest.json.g.cs"), destination);
            return File.ReadAllText(destination);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Action<string, string> Compile()
    {
        var targets = XDocument.Load(Path.Combine(RepositoryFiles.Root, "src", "Pyxis.Client", "build", "Pyxis.Client.Manifest.targets"));
        var fragment = targets.Descendants().Single(e => e.Name.LocalName == "Code").Value;
        var code = $"public static class Extract {{ public static void Execute(string Source, string Destination) {{ {fragment} }} }}";
        var compilation = CSharpCompilation.Create(
            "ManifestTask",
            [CSharpSyntaxTree.ParseText(code)],
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        );
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var method = Assembly.Load(image.ToArray()).GetType("Extract")!.GetMethod("Execute")!;
        return method.CreateDelegate<Action<string, string>>();
    }
}
