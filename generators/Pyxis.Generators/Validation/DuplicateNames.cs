using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>Operation and fragment names become C# names, so each must be unique across all operation files.</summary>
internal static class DuplicateNames
{
    public static EquatableArray<DiagnosticInfo> Find(ImmutableArray<EquatableArray<OperationName>> files) =>
        Find(files.SelectMany(f => f), DiagnosticCatalog.DuplicateOperation.Id);

    public static EquatableArray<DiagnosticInfo> FindFragments(EquatableArray<FragmentFile> files, System.Threading.CancellationToken cancellationToken) =>
        Find(files.SelectMany(f => f.Names.Select((name, i) => new OperationName(name, f.Locations[i]))), DiagnosticCatalog.DuplicateFragment.Id);

    private static EquatableArray<DiagnosticInfo> Find(IEnumerable<OperationName> names, string id)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var all = names.ToList();
        foreach (var group in all.GroupBy(n => n.Name).Where(g => g.Count() > 1))
        {
            var first = group.OrderBy(n => n.Location.FilePath, System.StringComparer.Ordinal).ThenBy(n => n.Location.Start).First();
            foreach (var duplicate in group.Where(n => n != first))
            {
                diagnostics.Add(new DiagnosticInfo(
                    id,
                    duplicate.Location,
                    new[] { duplicate.Name, $"{first.Location.FilePath}({first.Location.Line + 1},{first.Location.Column + 1})" }.ToEquatableArray()));
            }
        }

        return diagnostics.ToEquatableArray();
    }
}
