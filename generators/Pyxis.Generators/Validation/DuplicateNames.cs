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

    /// <summary>
    /// "name|path" of the first definition of each operation name: only that one is emitted, so a duplicate is one PYX015, not a C# error
    /// cascade.
    /// </summary>
    public static EquatableArray<string> Winners(ImmutableArray<EquatableArray<OperationName>> files) =>
        files
            .SelectMany(f => f)
            .GroupBy(n => n.Name)
            .Select(g => g.OrderBy(n => n.Location.FilePath, System.StringComparer.Ordinal).ThenBy(n => n.Location.Start).First())
            .Select(n => n.Name + "|" + n.Location.FilePath)
            .OrderBy(k => k, System.StringComparer.Ordinal)
            .ToEquatableArray();

    public static EquatableArray<DiagnosticInfo> FindFragments(
        EquatableArray<FragmentFile> files,
        System.Threading.CancellationToken cancellationToken
    ) =>
        Find(
            files.SelectMany(f => f.Names.Select((name, i) => new OperationName(name, f.Locations[i]))),
            DiagnosticCatalog.DuplicateFragment.Id
        );

    private static EquatableArray<DiagnosticInfo> Find(IEnumerable<OperationName> names, string id)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var all = names.ToList();
        foreach (var group in all.GroupBy(n => n.Name).Where(g => g.Count() > 1))
        {
            var first = group.OrderBy(n => n.Location.FilePath, System.StringComparer.Ordinal).ThenBy(n => n.Location.Start).First();
            foreach (var duplicate in group.Where(n => n != first))
            {
                diagnostics.Add(
                    new DiagnosticInfo(
                        id,
                        duplicate.Location,
                        new[]
                        {
                            duplicate.Name,
                            $"{first.Location.FilePath}({first.Location.Line + 1},{first.Location.Column + 1})",
                        }.ToEquatableArray()
                    )
                );
            }
        }

        return diagnostics.ToEquatableArray();
    }
}
