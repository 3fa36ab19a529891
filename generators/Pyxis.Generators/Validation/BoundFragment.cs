using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>
/// A named fragment as it was spread into a selection, with its own fields only. Taken before the fields
/// are merged with their siblings, so it describes the fragment, not the record that spreads it.
/// </summary>
internal sealed record BoundFragment(string Name, string TypeCondition, List<FragmentField> Fields);

/// <summary>An immutable copy of a fragment's bound field.</summary>
internal sealed record FragmentField(string ResponseKey, FieldDef Field, bool Conditional, List<FragmentField> Children)
{
    public static List<FragmentField> Snapshot(IEnumerable<BoundField> fields) =>
        fields.Select(f => new FragmentField(f.ResponseKey, f.Field, f.Conditional, Snapshot(f.Children))).ToList();
}
