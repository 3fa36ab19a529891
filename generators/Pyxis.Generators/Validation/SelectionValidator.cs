using System.Collections.Generic;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation.Rules;

namespace Pyxis.Generators.Validation;

/// <summary>Checks selections (fields, arguments, fragments) and merges them into one tree per response key.</summary>
internal static class SelectionValidator
{
    // spreads collects the named fragments spread here, for the interfaces the record of this selection implements.
    // branches collects, for a union or interface parent, the selections narrowed to each object type.
    public static List<BoundField> BindSelectionSet(
        ValidationContext context,
        TypeDef parent,
        GraphQLSelectionSet selectionSet,
        List<string> fragmentStack,
        List<BoundFragment>? spreads = null,
        SortedDictionary<string, List<BoundField>>? branches = null
    )
    {
        var fields = new List<BoundField>();
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var bound = BindField(context, parent, field, fragmentStack);
                    if (bound is not null)
                    {
                        Merge(context, fields, bound, field);
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var spreadIsConditional = DirectiveValidator.CheckConditional(context, spread.Directives);
                    MergeAll(
                        context,
                        fields,
                        BindSpread(
                            context,
                            parent,
                            spread,
                            fragmentStack,
                            spreadIsConditional ? null : spreads,
                            spreadIsConditional,
                            branches
                        ),
                        spreadIsConditional,
                        spread
                    );
                    break;
                case GraphQLInlineFragment inline:
                    var inlineIsConditional = DirectiveValidator.CheckConditional(context, inline.Directives);
                    var scope = ConditionScope(context, parent, inline.TypeCondition, "(inline fragment)", inline);
                    if (scope is not null && AbstractSelection.Narrows(parent, scope))
                    {
                        var narrowed = new SortedDictionary<string, List<BoundField>>(System.StringComparer.Ordinal);
                        var selected = BindSelectionSet(context, scope, inline.SelectionSet, fragmentStack, null, narrowed);
                        AbstractSelection.AddToBranches(context, parent, scope, selected, narrowed, inlineIsConditional, inline, branches);
                    }
                    else if (scope is not null)
                    {
                        MergeAll(
                            context,
                            fields,
                            BindSelectionSet(
                                context,
                                parent,
                                inline.SelectionSet,
                                fragmentStack,
                                inlineIsConditional ? null : spreads,
                                branches
                            ),
                            inlineIsConditional,
                            inline
                        );
                    }

                    break;
            }
        }

        return fields;
    }

    private static BoundField? BindField(ValidationContext context, TypeDef parent, GraphQLField field, List<string> fragmentStack)
    {
        var name = field.Name.StringValue;
        if (FieldsOnCorrectTypeRule.Find(context, parent, field) is not { } definition)
        {
            return null;
        }

        context.ReportDeprecated(definition.Docs, field.Name, parent.Name + "." + name);
        var conditional = DirectiveValidator.CheckConditional(context, field.Directives);
        ArgumentValidator.Check(context, parent, definition, field);
        var bound = new BoundField(field.Alias?.Name.StringValue ?? name, definition)
        {
            Conditional = conditional,
            ArgumentsText = ArgumentText.Of(field),
        };
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            if (argument.Value is GraphQLVariable variable)
            {
                bound.VariableArguments[argument.Name.StringValue] = variable.Name.StringValue;
            }
        }

        var type = context.Schema.Find(definition.Type.NamedType);
        if (type is null)
        {
            return null;
        }

        if (!ScalarLeafsRule.Check(context, field, definition, type))
        {
            return bound;
        }

        if (field.SelectionSet is not null && type.IsAbstract)
        {
            // Fragment interfaces describe one record; a union or interface result is a family of them.
            bound.Children.AddRange(BindSelectionSet(context, type, field.SelectionSet, fragmentStack, null, bound.Branches));
            AbstractSelection.Complete(context, bound, field.SelectionSet);
        }
        else if (field.SelectionSet is not null)
        {
            bound.Children.AddRange(BindSelectionSet(context, type, field.SelectionSet, fragmentStack, bound.Fragments));
        }

        return bound;
    }

    private static List<BoundField> BindSpread(
        ValidationContext context,
        TypeDef parent,
        GraphQLFragmentSpread spread,
        List<string> fragmentStack,
        List<BoundFragment>? spreads,
        bool conditional,
        SortedDictionary<string, List<BoundField>>? branches
    )
    {
        var name = spread.FragmentName.Name.StringValue;
        if (KnownFragmentNamesRule.Find(context, spread, name) is not { } fragment)
        {
            return new List<BoundField>();
        }

        if (!context.UsedFragments.Contains(fragment))
        {
            context.UsedFragments.Add(fragment);
        }

        if (!NoFragmentCyclesRule.Check(context, spread, name, fragmentStack))
        {
            return new List<BoundField>();
        }

        var scope = ConditionScope(context, parent, fragment.Definition.TypeCondition, name, spread);
        if (scope is null)
        {
            return new List<BoundField>();
        }

        var narrows = AbstractSelection.Narrows(parent, scope);
        var narrowed = new SortedDictionary<string, List<BoundField>>(System.StringComparer.Ordinal);

        // Problems inside the fragment are reported in the file that defines it.
        var (path, text) = (context.Path, context.Text);
        (context.Path, context.Text) = (fragment.Path, fragment.Text);
        fragmentStack.Add(name);
        var fields = narrows
            ? BindSelectionSet(context, scope, fragment.Definition.SelectionSet, fragmentStack, null, narrowed)
            : BindSelectionSet(context, parent, fragment.Definition.SelectionSet, fragmentStack, spreads, branches);
        fragmentStack.RemoveAt(fragmentStack.Count - 1);
        (context.Path, context.Text) = (path, text);
        if (narrows)
        {
            AbstractSelection.AddToBranches(context, parent, scope, fields, narrowed, conditional, spread, branches);
            return new List<BoundField>();
        }

        if (spreads is not null && !spreads.Exists(s => s.Name == name))
        {
            spreads.Add(new BoundFragment(name, parent.Name, FragmentField.Snapshot(fields)));
        }

        return fields;
    }

    // The type a fragment's fields are selected on, or null when the fragment cannot apply here (spec 5.5.2.3).
    private static TypeDef? ConditionScope(
        ValidationContext context,
        TypeDef parent,
        GraphQLTypeCondition? condition,
        string fragment,
        ASTNode where
    )
    {
        if (condition is null)
        {
            return parent;
        }

        var name = condition.Type.Name.StringValue;
        return
            KnownTypeNamesRule.Find(context, condition.Type, name) is { } scope
            && PossibleFragmentSpreadsRule.Check(context, parent, scope, fragment, where)
            ? scope
            : null;
    }

    // A conditional spread may leave all its fields out, so each becomes optional; a record that may lack the
    // fragment's fields cannot promise its interface, hence no spreads are collected under it.
    internal static void MergeAll(
        ValidationContext context,
        List<BoundField> fields,
        List<BoundField> children,
        bool conditional,
        ASTNode where
    )
    {
        foreach (var child in children)
        {
            child.Conditional |= conditional;
            Merge(context, fields, child, where);
        }
    }

    private static void Merge(ValidationContext context, List<BoundField> fields, BoundField field, ASTNode where)
    {
        var existing = fields.Find(f => f.ResponseKey == field.ResponseKey);
        if (existing is null)
        {
            fields.Add(field);
            return;
        }

        if (!OverlappingFieldsCanBeMergedRule.Check(context, existing, field, where))
        {
            return;
        }

        // Included when any of its selections is: only a field every selection makes conditional may be missing.
        existing.Conditional &= field.Conditional;
        foreach (var child in field.Children)
        {
            Merge(context, existing.Children, child, where);
        }
    }
}
