using static Pyxis.Client.SchemaCheck.DetectedChange;

namespace Pyxis.Client.SchemaCheck;

/// <summary>
/// Every change from one schema to another, graded as graphql-js's <c>findBreakingChanges</c> and
/// <c>findDangerousChanges</c> grade them, plus additions and deprecations as safe. Each change carries the usage keys
/// (<see cref="OperationUsage"/>) of the operations it reaches.
/// </summary>
internal static partial class SchemaDiff
{
    public static List<DetectedChange> Compare(SchemaModel before, SchemaModel after)
    {
        var changes = new List<DetectedChange>();
        foreach (var old in before.Types.Values)
        {
            if (!after.Types.TryGetValue(old.Name, out var now))
            {
                changes.Add(new(SchemaChangeSeverity.Breaking, "TYPE_REMOVED", old.Name, $"{old.Name} was removed.", Uses(old.Name)));
            }
            else if (old.Kind != now.Kind)
            {
                var text = $"{old.Name} changed from {Article(old.Kind)} to {Article(now.Kind)}.";
                changes.Add(new(SchemaChangeSeverity.Breaking, "TYPE_CHANGED_KIND", old.Name, text, Uses(old.Name)));
            }
            else
            {
                CompareEnum(old, now, changes);
                CompareUnion(old, now, changes);
                CompareInputFields(old, now, changes);
                CompareFields(old, now, changes);
            }
        }

        foreach (var added in after.Types.Values.Where(t => !before.Types.ContainsKey(t.Name)))
        {
            changes.Add(new(SchemaChangeSeverity.Safe, "TYPE_ADDED", added.Name, $"{added.Name} was added.", Nothing));
        }

        CompareDirectives(before, after, changes);
        return changes;
    }

    private static void CompareEnum(TypeModel old, TypeModel now, List<DetectedChange> changes)
    {
        foreach (var (value, reason) in old.EnumValues)
        {
            var coordinate = $"{old.Name}.{value}";
            if (!now.EnumValues.TryGetValue(value, out var newReason))
            {
                var text = $"{value} was removed from enum {old.Name}.";
                changes.Add(
                    new(SchemaChangeSeverity.Breaking, "VALUE_REMOVED_FROM_ENUM", coordinate, text, Uses("in:" + old.Name, coordinate))
                );
            }
            else
            {
                Deprecation(changes, "VALUE", coordinate, reason, newReason);
            }
        }

        foreach (var value in now.EnumValues.Keys.Where(v => !old.EnumValues.ContainsKey(v)))
        {
            var text = $"{value} was added to enum {old.Name}; code that reads {old.Name} may see a value it does not know.";
            changes.Add(new(SchemaChangeSeverity.Dangerous, "VALUE_ADDED_TO_ENUM", $"{old.Name}.{value}", text, Uses("out:" + old.Name)));
        }
    }

    private static void CompareUnion(TypeModel old, TypeModel now, List<DetectedChange> changes)
    {
        if (old.Kind != "UNION")
        {
            return;
        }

        foreach (var member in old.Members.Where(m => !now.Members.Contains(m)))
        {
            var text = $"{member} was removed from union {old.Name}.";
            changes.Add(
                new(SchemaChangeSeverity.Breaking, "TYPE_REMOVED_FROM_UNION", old.Name, text, u =>
                    u.Keys.Contains("on:" + member) && u.Keys.Contains(old.Name)
                )
            );
        }

        foreach (var member in now.Members.Where(m => !old.Members.Contains(m)))
        {
            var text = $"{member} was added to union {old.Name}; code that reads {old.Name} may see a type it does not know.";
            changes.Add(new(SchemaChangeSeverity.Dangerous, "TYPE_ADDED_TO_UNION", old.Name, text, Uses("out:" + old.Name)));
        }
    }

    private static void CompareDirectives(SchemaModel before, SchemaModel after, List<DetectedChange> changes)
    {
        foreach (var old in before.Directives.Values)
        {
            var coordinate = "@" + old.Name;
            if (!after.Directives.TryGetValue(old.Name, out var now))
            {
                changes.Add(
                    new(SchemaChangeSeverity.Breaking, "DIRECTIVE_REMOVED", coordinate, $"{coordinate} was removed.", Uses(coordinate))
                );
                continue;
            }

            foreach (var argument in old.Arguments.Keys.Where(a => !now.Arguments.ContainsKey(a)))
            {
                var text = $"{argument} was removed from {coordinate}.";
                changes.Add(
                    new(SchemaChangeSeverity.Breaking, "DIRECTIVE_ARG_REMOVED", $"{coordinate}({argument}:)", text, Uses(coordinate))
                );
            }

            foreach (var argument in now.Arguments.Values.Where(a => a.IsRequired && !old.Arguments.ContainsKey(a.Name)))
            {
                var text = $"A required argument {argument.Name} was added to {coordinate}.";
                changes.Add(
                    new(
                        SchemaChangeSeverity.Breaking,
                        "REQUIRED_DIRECTIVE_ARG_ADDED",
                        $"{coordinate}({argument.Name}:)",
                        text,
                        Uses(coordinate)
                    )
                );
            }

            foreach (var location in old.Locations.Where(l => !now.Locations.Contains(l)))
            {
                var text = $"{location} was removed from {coordinate}.";
                changes.Add(new(SchemaChangeSeverity.Breaking, "DIRECTIVE_LOCATION_REMOVED", coordinate, text, Uses(coordinate)));
            }
        }

        foreach (var added in after.Directives.Values.Where(d => !before.Directives.ContainsKey(d.Name)))
        {
            changes.Add(new(SchemaChangeSeverity.Safe, "DIRECTIVE_ADDED", "@" + added.Name, $"@{added.Name} was added.", Nothing));
        }
    }

    private static void Deprecation(List<DetectedChange> changes, string what, string coordinate, string? before, string? after)
    {
        if (before is null && after is not null)
        {
            var text = $"{coordinate} was deprecated: {after}";
            changes.Add(new(SchemaChangeSeverity.Safe, what + "_DEPRECATED", coordinate, text, Uses(coordinate)));
        }
        else if (before is not null && after is null)
        {
            var text = $"{coordinate} is no longer deprecated.";
            changes.Add(new(SchemaChangeSeverity.Safe, what + "_DEPRECATION_REMOVED", coordinate, text, Uses(coordinate)));
        }
    }

    private static string Article(string kind) =>
        kind switch
        {
            "OBJECT" => "an object type",
            "INTERFACE" => "an interface type",
            "UNION" => "a union type",
            "ENUM" => "an enum type",
            "INPUT_OBJECT" => "an input object type",
            _ => "a scalar type",
        };
}
