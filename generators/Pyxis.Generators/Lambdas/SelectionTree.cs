using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Turns the response paths <see cref="SelectorPaths"/> records while it follows a selector (<c>data/brew/build</c>,
/// with <see cref="OnType"/> steps for <c>On&lt;T&gt;()</c> and <see cref="WholeValues.AllScalars"/> for a value used
/// whole) into the typed <see cref="Selection"/> tree, the one form the rest of the generator reads. The path strings
/// stay inside the reader.
/// </summary>
internal static class SelectionTree
{
    /// <summary>The step prefix that narrows to a type (<c>~ProductListingFederated</c>).</summary>
    public const string OnType = "~";

    public static EquatableArray<Selection> From(IEnumerable<string> paths) => Build(paths.Select(p => p.Split('/')).ToList());

    // Paths come sorted, so siblings keep the order they were always printed in.
    private static EquatableArray<Selection> Build(List<string[]> paths) =>
        paths
            .Where(p => p.Length > 0)
            .GroupBy(p => p[0])
            .Select(g => Node(g.Key, g.Select(p => p.Skip(1).ToArray()).ToList()))
            .ToEquatableArray();

    private static Selection Node(string step, List<string[]> below) =>
        step == WholeValues.AllScalars ? Selection.AllScalars
        : step.StartsWith(OnType, System.StringComparison.Ordinal) ? new(SelectionKind.OnType, step.Substring(1), Build(below))
        : new(SelectionKind.Field, step, Build(below));
}
