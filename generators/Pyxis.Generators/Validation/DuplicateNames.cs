using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>Operation names become C# names, so they must be unique across all operation files.</summary>
internal static class DuplicateNames
{
    public static EquatableArray<DiagnosticInfo> Find(ImmutableArray<EquatableArray<OperationName>> files)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var all = files.SelectMany(f => f).ToList();
        foreach (var group in all.GroupBy(n => n.Name).Where(g => g.Count() > 1))
        {
            var first = group.OrderBy(n => n.Location.FilePath, System.StringComparer.Ordinal).ThenBy(n => n.Location.Start).First();
            foreach (var duplicate in group.Where(n => n != first))
            {
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticCatalog.DuplicateOperation.Id,
                    duplicate.Location,
                    new[] { duplicate.Name, $"{first.Location.FilePath}({first.Location.Line + 1},{first.Location.Column + 1})" }.ToEquatableArray()));
            }
        }

        return diagnostics.ToEquatableArray();
    }
}
