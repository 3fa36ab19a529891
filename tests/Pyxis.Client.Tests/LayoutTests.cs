namespace Pyxis.Client.Tests;

/// <summary>The runtime's namespaces follow its folders, and the alias naming the generator writes is the runtime's own.</summary>
public sealed class LayoutTests
{
    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        var root = Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "src", "Pyxis.Client");
        var files = Directory
            .EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            );
        var wrong = new List<string>();
        foreach (var file in files)
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.');
            var expected = folder switch
            {
                // Folders that sort the root's files: what a caller touches keeps the one namespace it needs.
                "." or "Errors" or "Freshmaker" or "Options" => "Pyxis.Client",
                "DependencyInjection" => "Microsoft.Extensions.DependencyInjection",
                _ => "Pyxis.Client." + folder,
            };
            var declared = File.ReadLines(file)
                .FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal))
                ?[10..].TrimEnd(';');
            if (declared != expected)
            {
                wrong.Add($"{Path.GetRelativePath(root, file)}: {declared} (expected {expected})");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Generated_alias_templates_carry_the_runtime_marker_and_batches_replace_it()
    {
        var template = GetRepositoryByRegistryPathQuery.Aliased.FieldTemplate;
        var separator = Batching.AliasNaming.IndexSeparator;

        Assert.Contains("$registry" + separator + Batching.AliasNaming.IndexMarker, template, StringComparison.Ordinal);
        Assert.Contains("$repository" + separator + Batching.AliasNaming.IndexMarker, template, StringComparison.Ordinal);
        var batch = Batching.AliasDocument.Build(
            GetRepositoryByRegistryPathQuery.Aliased,
            [GetRepositoryByRegistryPathQuery.CreateRequest("a", "b"), GetRepositoryByRegistryPathQuery.CreateRequest("c", "d")]
        );
        Assert.Contains("$registry" + separator + "1", batch.Document, StringComparison.Ordinal);
        Assert.DoesNotContain(Batching.AliasNaming.IndexMarker, batch.Document);
    }
}
