using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>Fragments Must Be Used: fragment names are shared by all operation files, so the rule is checked across them.</summary>
internal static class FragmentUsage
{
    public static EquatableArray<string> SpreadNames(GraphQLDocument document)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            var selections = definition switch
            {
                GraphQLOperationDefinition op => op.SelectionSet,
                GraphQLFragmentDefinition fragment => fragment.SelectionSet,
                _ => null,
            };
            Collect(selections, names);
        }

        return names.ToEquatableArray();
    }

    /// <summary>A fragment no file spreads is PYX029, unless some file could not be checked (its spreads are unknown).</summary>
    public static EquatableArray<DiagnosticInfo> Unused(ImmutableArray<OperationFileResult> files, EquatableArray<FragmentFile> fragments)
    {
        if (files.Any(f => !f.Checked))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var spread = new HashSet<string>(files.SelectMany(f => f.SpreadNames));
        return fragments
            .SelectMany(file => file.Names.Select((name, i) => (Name: name, Location: file.Locations[i])))
            .Where(f => !spread.Contains(f.Name))
            .Select(f => new DiagnosticInfo(DiagnosticCatalog.UnusedFragment.Id, f.Location, new[] { f.Name }.ToEquatableArray()))
            .ToEquatableArray();
    }

    private static void Collect(GraphQLSelectionSet? selectionSet, SortedSet<string> names)
    {
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLFragmentSpread spread:
                    names.Add(spread.FragmentName.Name.StringValue);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, names);
                    break;
                case GraphQLField field:
                    Collect(field.SelectionSet, names);
                    break;
            }
        }
    }
}
