using static Pyxis.Client.SchemaCheck.DetectedChange;

namespace Pyxis.Client.SchemaCheck;

/// <summary>Fields, arguments and input fields: removed, retyped, added as required, deprecated.</summary>
internal static partial class SchemaDiff
{
    private static void CompareInputFields(TypeModel old, TypeModel now, List<DetectedChange> changes)
    {
        if (old.Kind != "INPUT_OBJECT")
        {
            return;
        }

        var reached = Uses("in:" + old.Name);
        foreach (var field in old.InputFields.Values)
        {
            var coordinate = $"{old.Name}.{field.Name}";
            if (!now.InputFields.TryGetValue(field.Name, out var newField))
            {
                changes.Add(new(SchemaChangeSeverity.Breaking, "FIELD_REMOVED", coordinate, $"{coordinate} was removed.", reached));
                continue;
            }

            InputType(changes, "FIELD", coordinate, field.Type, newField.Type, reached);
            Deprecation(changes, "INPUT_FIELD", coordinate, field.DeprecationReason, newField.DeprecationReason);
        }

        foreach (var added in now.InputFields.Values.Where(f => !old.InputFields.ContainsKey(f.Name)))
        {
            var coordinate = $"{old.Name}.{added.Name}";
            changes.Add(
                added.IsRequired
                    ? new(
                        SchemaChangeSeverity.Breaking,
                        "REQUIRED_INPUT_FIELD_ADDED",
                        coordinate,
                        $"A required input field {coordinate} was added.",
                        reached
                    )
                    : new(
                        SchemaChangeSeverity.Dangerous,
                        "OPTIONAL_INPUT_FIELD_ADDED",
                        coordinate,
                        $"An optional input field {coordinate} was added.",
                        Nothing
                    )
            );
        }
    }

    private static void CompareFields(TypeModel old, TypeModel now, List<DetectedChange> changes)
    {
        foreach (var field in old.Fields.Values)
        {
            var coordinate = $"{old.Name}.{field.Name}";
            if (!now.Fields.TryGetValue(field.Name, out var newField))
            {
                changes.Add(
                    new(SchemaChangeSeverity.Breaking, "FIELD_REMOVED", coordinate, $"{coordinate} was removed.", Uses(coordinate))
                );
                continue;
            }

            if (!SafeForOutput(field.Type, newField.Type))
            {
                var text = $"{coordinate} changed type from {field.Type} to {newField.Type}.";
                changes.Add(new(SchemaChangeSeverity.Breaking, "FIELD_CHANGED_KIND", coordinate, text, Uses(coordinate)));
            }
            else if (field.Type != newField.Type)
            {
                var text = $"{coordinate} changed type from {field.Type} to {newField.Type}, which readers of the old type still accept.";
                changes.Add(new(SchemaChangeSeverity.Safe, "FIELD_TYPE_NARROWED", coordinate, text, Uses(coordinate)));
            }

            Deprecation(changes, "FIELD", coordinate, field.DeprecationReason, newField.DeprecationReason);
            CompareArguments(coordinate, field, newField, changes);
        }

        foreach (var added in now.Fields.Values.Where(f => !old.Fields.ContainsKey(f.Name)))
        {
            changes.Add(
                new(SchemaChangeSeverity.Safe, "FIELD_ADDED", $"{old.Name}.{added.Name}", $"{old.Name}.{added.Name} was added.", Nothing)
            );
        }

        foreach (var gone in old.Interfaces.Where(i => !now.Interfaces.Contains(i)))
        {
            var text = $"{old.Name} no longer implements interface {gone}.";
            changes.Add(
                new(SchemaChangeSeverity.Breaking, "IMPLEMENTED_INTERFACE_REMOVED", old.Name, text, u =>
                    u.Keys.Contains("on:" + old.Name) && u.Keys.Contains(gone) || u.Keys.Contains("on:" + gone) && u.Keys.Contains(old.Name)
                )
            );
        }

        foreach (var added in now.Interfaces.Where(i => !old.Interfaces.Contains(i)))
        {
            var text = $"{old.Name} now implements interface {added}; code that reads {added} may see a type it does not know.";
            changes.Add(new(SchemaChangeSeverity.Dangerous, "INTERFACE_ADDED_TO_OBJECT", old.Name, text, Uses("out:" + added)));
        }
    }

    private static void CompareArguments(string field, FieldModel old, FieldModel now, List<DetectedChange> changes)
    {
        foreach (var argument in old.Arguments.Values)
        {
            var coordinate = $"{field}({argument.Name}:)";
            if (!now.Arguments.TryGetValue(argument.Name, out var newArgument))
            {
                changes.Add(new(SchemaChangeSeverity.Breaking, "ARG_REMOVED", coordinate, $"{coordinate} was removed.", Uses(coordinate)));
                continue;
            }

            InputType(changes, "ARG", coordinate, argument.Type, newArgument.Type, Uses(coordinate + "$"));
            if (
                argument.DefaultValue is not null
                && newArgument.DefaultValue is not null
                && argument.DefaultValue != newArgument.DefaultValue
            )
            {
                var text = $"{coordinate} has a new default value: {newArgument.DefaultValue} (was {argument.DefaultValue}).";
                changes.Add(new(SchemaChangeSeverity.Dangerous, "ARG_DEFAULT_VALUE_CHANGE", coordinate, text, Uses(field)));
            }

            Deprecation(changes, "ARG", coordinate, argument.DeprecationReason, newArgument.DeprecationReason);
        }

        foreach (var added in now.Arguments.Values.Where(a => !old.Arguments.ContainsKey(a.Name)))
        {
            var coordinate = $"{field}({added.Name}:)";
            changes.Add(
                added.IsRequired
                    ? new(
                        SchemaChangeSeverity.Breaking,
                        "REQUIRED_ARG_ADDED",
                        coordinate,
                        $"A required argument {coordinate} was added.",
                        Uses(field)
                    )
                    : new(
                        SchemaChangeSeverity.Dangerous,
                        "OPTIONAL_ARG_ADDED",
                        coordinate,
                        $"An optional argument {coordinate} was added.",
                        Nothing
                    )
            );
        }
    }

    private static void InputType(
        List<DetectedChange> changes,
        string what,
        string coordinate,
        GraphType old,
        GraphType now,
        Func<OperationUsage, bool> hits
    )
    {
        if (!SafeForInput(old, now))
        {
            var text = $"{coordinate} changed type from {old} to {now}.";
            changes.Add(new(SchemaChangeSeverity.Breaking, what + "_CHANGED_KIND", coordinate, text, hits));
        }
        else if (old != now)
        {
            var text = $"{coordinate} changed type from {old} to {now}, which accepts every value the old type did.";
            changes.Add(new(SchemaChangeSeverity.Safe, what + "_TYPE_WIDENED", coordinate, text, hits));
        }
    }

    // graphql-js isChangeSafeForObjectOrInterfaceField: a reader of the old type must accept what the new type returns.
    private static bool SafeForOutput(GraphType old, GraphType now) =>
        old.IsList ? now.IsList && SafeForOutput(old.OfType!, now.OfType!) || now.IsNonNull && SafeForOutput(old, now.OfType!)
        : old.IsNonNull ? now.IsNonNull && SafeForOutput(old.OfType!, now.OfType!)
        : !now.IsList && !now.IsNonNull && old.Name == now.Name || now.IsNonNull && SafeForOutput(old, now.OfType!);

    // graphql-js isChangeSafeForInputObjectFieldOrFieldArg: every value a sender of the old type sends must still be accepted.
    private static bool SafeForInput(GraphType old, GraphType now) =>
        old.IsList ? now.IsList && SafeForInput(old.OfType!, now.OfType!)
        : old.IsNonNull ? now.IsNonNull && SafeForInput(old.OfType!, now.OfType!) || !now.IsNonNull && SafeForInput(old.OfType!, now)
        : !now.IsList && !now.IsNonNull && old.Name == now.Name;
}
