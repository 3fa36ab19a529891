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

    public static EquatableArray<Selection> From(
        IEnumerable<string> paths,
        IReadOnlyDictionary<string, EquatableArray<FieldArgument>>? arguments = null
    ) =>
        Build(string.Empty, paths.Select(p => p.Split('/')).ToList(), arguments ?? new Dictionary<string, EquatableArray<FieldArgument>>());

    // Paths come sorted, so siblings keep the order they were always printed in.
    private static EquatableArray<Selection> Build(
        string prefix,
        List<string[]> paths,
        IReadOnlyDictionary<string, EquatableArray<FieldArgument>> arguments
    ) =>
        paths
            .Where(p => p.Length > 0)
            .GroupBy(p => p[0])
            .Select(g => Node(prefix + g.Key, g.Key, g.Select(p => p.Skip(1).ToArray()).ToList(), arguments))
            .ToEquatableArray();

    private static Selection Node(
        string path,
        string step,
        List<string[]> below,
        IReadOnlyDictionary<string, EquatableArray<FieldArgument>> arguments
    )
    {
        var children = Build(path + "/", below, arguments);
        if (step == WholeValues.AllScalars)
        {
            return Selection.AllScalars;
        }

        if (step.StartsWith(OnType, System.StringComparison.Ordinal))
        {
            return new(SelectionKind.OnType, step.Substring(1), children);
        }

        // A field read with arguments has an alias of its own, so the same field without them can be read beside it.
        if (step.EndsWith(SelectorPaths.WithArguments, System.StringComparison.Ordinal))
        {
            var field = step.Substring(0, step.Length - SelectorPaths.WithArguments.Length);
            return new(SelectionKind.Field, field, children)
            {
                Alias = field + "__with",
                Arguments = arguments.TryGetValue(path, out var given) ? given : EquatableArray<FieldArgument>.Empty,
            };
        }

        return new(SelectionKind.Field, step, children);
    }
}
