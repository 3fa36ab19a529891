using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;

namespace Pyxis.Generators.Validation;

/// <summary>A fragment definition and the file it was written in (for diagnostics and the wire document).</summary>
internal sealed record FragmentRef(GraphQLFragmentDefinition Definition, string Path, SourceText Text, string Content);

/// <summary>
/// The fragments an operation file can spread: its own first, then those defined in other operation files.
/// Other files are parsed only when one of their fragments is used.
/// </summary>
internal sealed class FragmentLibrary
{
    private readonly Dictionary<string, FragmentRef> local = new();
    private readonly EquatableArray<FragmentFile> pool;
    private readonly string path;
    private readonly Dictionary<string, Dictionary<string, FragmentRef>?> parsed = new();

    public FragmentLibrary(string path, SourceText text, string content, GraphQLDocument document, EquatableArray<FragmentFile> pool)
    {
        this.path = path;
        this.pool = pool;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            local[fragment.FragmentName.Name.StringValue] = new FragmentRef(fragment, path, text, content);
        }
    }

    public FragmentRef? Find(string name)
    {
        if (local.TryGetValue(name, out var fragment))
        {
            return fragment;
        }

        var file = pool.FirstOrDefault(f => f.Path != path && f.Names.Contains(name));
        return file is null ? null
            : Parse(file)?.TryGetValue(name, out fragment) == true ? fragment
            : null;
    }

    private Dictionary<string, FragmentRef>? Parse(FragmentFile file)
    {
        if (!parsed.TryGetValue(file.Path, out var fragments))
        {
            var text = SourceText.From(file.Content);
            var document = GraphQLDocumentParser.Parse(file.Path, text, file.Content, out _);
            fragments = document
                ?.Definitions.OfType<GraphQLFragmentDefinition>()
                .ToDictionary(f => f.FragmentName.Name.StringValue, f => new FragmentRef(f, file.Path, text, file.Content));
            parsed[file.Path] = fragments;
        }

        return fragments;
    }

    /// <summary>
    /// One parse of an operation file for the steps before validation: the fragments it defines (null when none, so
    /// it adds nothing to the pool) and the fragment names it spreads (<see cref="Reachable"/> follows them further).
    /// </summary>
    public static FileScan Scan(GraphQLFile file)
    {
        var text = SourceText.From(file.Content);
        var document = GraphQLDocumentParser.Parse(file.Path, text, file.Content, out _);
        if (document is null)
        {
            return new FileScan(file, null, EquatableArray<string>.Empty);
        }

        var spreads = FragmentUsage.SpreadNames(document);
        var definitions = document.Definitions.OfType<GraphQLFragmentDefinition>().ToList();
        var fragments =
            definitions.Count == 0
                ? null
                : new FragmentFile(
                    file.Path,
                    file.Content,
                    definitions.Select(f => f.FragmentName.Name.StringValue).ToEquatableArray(),
                    definitions.Select(f => GraphQLDocumentParser.Locate(file.Path, text, f.FragmentName.Name)).ToEquatableArray()
                )
                {
                    Spreads = spreads,
                    Schema = file.Schema,
                };
        return new FileScan(file, fragments, spreads);
    }

    /// <summary>
    /// The fragment files that define what <paramref name="spreads"/> names, and what those spread in turn. An
    /// operation is checked against these only, so editing a fragment re-checks just the operations that reach it.
    /// Only fragments of the operation's own schema (<paramref name="schema"/>) are reachable: a fragment written for
    /// another schema's types is an unknown fragment here.
    /// </summary>
    public static EquatableArray<FragmentFile> Reachable(EquatableArray<string> spreads, EquatableArray<FragmentFile> pool, string? schema)
    {
        var files = new SortedDictionary<string, FragmentFile>(System.StringComparer.Ordinal);
        var pending = new Stack<string>(spreads);
        var seen = new HashSet<string>();
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name))
            {
                continue;
            }

            foreach (var file in pool.Where(f => f.Schema == schema && f.Names.Contains(name) && !files.ContainsKey(f.Path)))
            {
                files[file.Path] = file;
                foreach (var next in file.Spreads)
                {
                    pending.Push(next);
                }
            }
        }

        return files.Values.ToEquatableArray();
    }
}
