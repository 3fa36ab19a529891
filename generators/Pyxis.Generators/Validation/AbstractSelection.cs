using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;

namespace Pyxis.Generators.Validation;

/// <summary>
/// Selections on a union or interface: fragments that narrow to object types become per-type branches, and the
/// selection always carries <c>__typename</c>, which tells the reader which C# type of the family to build.
/// </summary>
internal static class AbstractSelection
{
    public const string TypeName = "__typename";

    /// <summary>A fragment narrows when its type is not the abstract type selected here.</summary>
    public static bool Narrows(Model.TypeDef parent, Model.TypeDef scope) => parent.IsAbstract && scope.Name != parent.Name;

    /// <summary>Adds what a narrowing fragment selected to each object type it can be, here.</summary>
    public static void AddToBranches(
        ValidationContext context,
        Model.TypeDef parent,
        Model.TypeDef scope,
        List<BoundField> selected,
        SortedDictionary<string, List<BoundField>> narrowed,
        bool conditional,
        ASTNode where,
        SortedDictionary<string, List<BoundField>>? branches
    )
    {
        branches ??= new SortedDictionary<string, List<BoundField>>(System.StringComparer.Ordinal);
        var possible = context.Schema.PossibleTypes(parent).ToList();
        foreach (var type in context.Schema.PossibleTypes(scope).Where(possible.Contains))
        {
            if (!branches.TryGetValue(type, out var fields))
            {
                branches[type] = fields = new List<BoundField>();
            }

            SelectionValidator.MergeAll(context, fields, selected.ConvertAll(f => f.Clone()), conditional, where);
            if (narrowed.TryGetValue(type, out var more))
            {
                SelectionValidator.MergeAll(context, fields, more.ConvertAll(f => f.Clone()), conditional, where);
            }
        }
    }

    /// <summary>Adds <c>__typename</c> where it was not asked for, then gives every branch the fields common to all types.</summary>
    public static void Complete(ValidationContext context, BoundField bound, GraphQLSelectionSet selectionSet)
    {
        if (!bound.Children.Exists(c => c.ResponseKey == TypeName && c.Field.Name == TypeName && !c.Conditional))
        {
            var typeName = new BoundField(
                TypeName,
                new Model.FieldDef(TypeName, Model.TypeRef.Named("String", nonNull: true), Model.EquatableArray<Model.InputValueDef>.Empty)
            );
            bound.Children.Insert(0, typeName);
            context.TypenameInsertions.Add((context.Path, selectionSet.Location.Start + 1));
        }

        foreach (var type in bound.Branches.Keys.ToList())
        {
            var fields = bound.Children.ConvertAll(c => c.Clone());
            SelectionValidator.MergeAll(context, fields, bound.Branches[type], conditional: false, selectionSet);
            bound.Branches[type] = fields;
        }
    }
}
