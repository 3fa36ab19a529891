using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Building;

/// <summary>Union and interface results: one abstract record, a nested record per object type, and Other.</summary>
internal sealed partial class OperationModelBuilder
{
    // A union or interface result: an abstract record with the fields every type has, one nested record per type a
    // fragment narrows to (its own fields added), and Other for any type the schema may add later.
    private string BuildFamily(IReadOnlyList<string> candidates, TypeDef type, BoundField field)
    {
        var name = RecordNaming.Provisional + provisional++;
        var taken = new HashSet<string>(RecordMembers) { "Other" };
        var variants = field.Branches.Keys.Select(t => new VariantSpec(t, $"{name}.{Names.Unique(Names.Type(t), taken)}")).ToList();
        variants.Add(new VariantSpec(string.Empty, name + ".Other"));
        var nested = variants.Select(v => v.RecordName.Substring(name.Length + 1)).ToList();
        var baseRecord = BuildRecord(
            candidates,
            type.Name,
            field.Children,
            new List<(string, FragmentInterfaceSpec)>(),
            nested,
            share: false,
            fixedName: name
        );
        var common = new HashSet<string>(field.Children.Select(c => c.ResponseKey));
        var inherited = baseRecord.Properties.Select(p => p.Name).ToList();
        foreach (var variant in variants)
        {
            var fields =
                variant.SchemaType.Length == 0
                    ? new List<BoundField>()
                    : field.Branches[variant.SchemaType].Where(f => !common.Contains(f.ResponseKey)).ToList();
            var own = BuildRecord(
                [variant.RecordName],
                variant.SchemaType.Length == 0 ? type.Name : variant.SchemaType,
                fields,
                new List<(string, FragmentInterfaceSpec)>(),
                inherited,
                share: false,
                fixedName: variant.RecordName
            );
            Replace(
                own with
                {
                    Properties = baseRecord.Properties.Concat(own.Properties).ToEquatableArray(),
                    BaseRecord = name,
                    BaseArity = baseRecord.Properties.Count,
                }
            );
        }

        Replace(baseRecord with { Variants = variants.ToEquatableArray() });
        return name;
    }

    private void Replace(RecordSpec record) => records[records.FindIndex(r => r?.Name == record.Name)] = record;
}
