using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Building;

/// <summary>
/// Names result records once the whole tree is built: outer records first (breadth-first from <c>Data</c>, in
/// selection order), each taking its best candidate that is free and is not one of its own property names. So the
/// envelope's <c>error</c> is <c>Error</c> even when a nested one was built first, and no name depends on other operations.
/// </summary>
internal static class RecordNaming
{
    public const string Provisional = "#";

    public static List<RecordSpec> Assign(
        List<RecordSpec> records,
        Dictionary<string, IReadOnlyList<string>> candidates,
        HashSet<string> taken
    )
    {
        var byName = records.ToDictionary(r => r.Name);
        var final = new Dictionary<string, string>();
        var queue = new Queue<RecordSpec>([byName["Data"]]);
        var seen = new HashSet<string> { "Data" };
        while (queue.Count > 0)
        {
            foreach (var child in Children(queue.Dequeue()).Where(seen.Add))
            {
                var record = byName[child];
                if (
                    child.StartsWith(Provisional, System.StringComparison.Ordinal)
                    && child.IndexOf('.') < 0
                    && candidates.TryGetValue(child, out var options)
                )
                {
                    final[child] = Choose(options, record, taken);
                }

                queue.Enqueue(record);
            }
        }

        return records.Select(r => Rename(r, final)).ToList();
    }

    private static IEnumerable<string> Children(RecordSpec record) =>
        record
            .Properties.Select(p => ValueTypes.Innermost(p.Type))
            .Where(t => t.Kind == ValueKind.Object)
            .Select(t => t.TypeName)
            .Concat(record.Variants.Select(v => v.RecordName));

    private static string Choose(IReadOnlyList<string> options, RecordSpec record, HashSet<string> taken)
    {
        var own = new HashSet<string>(
            record.Properties.Select(p => p.Name).Concat(record.Variants.Select(v => v.RecordName.Substring(v.RecordName.IndexOf('.') + 1)))
        );
        foreach (var option in options.Where(o => !own.Contains(o)))
        {
            if (taken.Add(option))
            {
                return option;
            }
        }

        return Names.Unique(options[0] + "Record", taken);
    }

    private static RecordSpec Rename(RecordSpec record, Dictionary<string, string> final) =>
        record with
        {
            Name = Map(record.Name, final),
            BaseRecord = record.BaseRecord is null ? null : Map(record.BaseRecord, final),
            Variants = record.Variants.Select(v => v with { RecordName = Map(v.RecordName, final) }).ToEquatableArray(),
            Properties = record.Properties.Select(p => p with { Type = MapType(p.Type, final) }).ToEquatableArray(),
        };

    private static ValueTypeSpec MapType(ValueTypeSpec type, Dictionary<string, string> final) =>
        type.Kind switch
        {
            ValueKind.Object => type with { TypeName = Map(type.TypeName, final) },
            ValueKind.List => type with { Item = MapType(type.Item!, final) },
            _ => type,
        };

    // A family's variants are named inside it: "#3.Other" follows whatever "#3" becomes.
    private static string Map(string name, Dictionary<string, string> final)
    {
        if (!name.StartsWith(Provisional, System.StringComparison.Ordinal))
        {
            return name;
        }

        var dot = name.IndexOf('.');
        var head = dot < 0 ? name : name.Substring(0, dot);
        return final[head] + (dot < 0 ? string.Empty : name.Substring(dot));
    }
}
