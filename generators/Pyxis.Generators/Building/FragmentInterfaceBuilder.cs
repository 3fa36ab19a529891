using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Building;

/// <summary>Builds a named fragment's interface from its checked selection.</summary>
internal static class FragmentInterfaceBuilder
{
    public static string NameOf(string fragment) => "I" + Names.Pascal(fragment);

    public static FragmentInterfaceSpec Build(SchemaModel schema, BoundFragment fragment) =>
        Build(schema, NameOf(fragment.Name), fragment.Name, fragment.TypeCondition, fragment.Fields);

    /// <summary>One interface per fragment name; when two files define it differently the first seen is kept, and PYX027 fails the build.</summary>
    public static FragmentInterfacesSpec Collect(string ns, IEnumerable<FragmentInterfaceSpec> used) =>
        new(ns, used.GroupBy(i => i.Name).Select(g => g.First()).OrderBy(i => i.Name, System.StringComparer.Ordinal).ToEquatableArray());

    private static FragmentInterfaceSpec Build(
        SchemaModel schema,
        string name,
        string fragment,
        string schemaType,
        List<FragmentField> fields
    )
    {
        // Members and nested interfaces share one C# scope, and neither may take the interface's own name.
        var taken = new HashSet<string> { name };
        var properties = new List<PropertySpec>();
        var nested = new List<FragmentInterfaceSpec>();
        foreach (var field in fields)
        {
            var propertyName = Names.Unique(Names.Pascal(field.ResponseKey), taken);
            var type = schema.Find(field.Field.Type.NamedType);
            var nestedName = string.Empty;
            if (type is { IsLeaf: false })
            {
                // Named after the field; after the type when the field's name is the interface's own (rpm_manifest in RpmManifest).
                var candidate = "I" + Names.Pascal(field.ResponseKey);
                nestedName = Names.Unique(taken.Contains(candidate) ? "I" + Names.Pascal(type.Name) : candidate, taken);
                nested.Add(Build(schema, nestedName, fragment, type.Name, field.Children));
            }

            var value = ValueTypes.Output(schema, field.Field.Type, nestedName);
            properties.Add(
                new PropertySpec(
                    propertyName,
                    field.ResponseKey,
                    field.Field.Name,
                    field.Conditional ? value with { Nullable = true } : value
                )
                {
                    Docs = field.Field.Docs,
                }
            );
        }

        return new FragmentInterfaceSpec(name, fragment, schemaType, properties.ToEquatableArray(), nested.ToEquatableArray());
    }
}
