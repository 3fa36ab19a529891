using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Model;

/// <summary>
/// The interface of a named fragment: its fields as read-only properties, object fields as nested interfaces.
/// Every result record that spreads the fragment implements it, whichever operation it belongs to.
/// </summary>
internal sealed record FragmentInterfaceSpec(
    string Name,
    string Fragment,
    string SchemaType,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<FragmentInterfaceSpec> Nested);

/// <summary>An interface a record implements: its full C# name and, per interface property, the record property behind it.</summary>
internal sealed record RecordInterfaceSpec(string FullName, FragmentInterfaceSpec Interface, EquatableArray<string> RecordProperties);

/// <summary>Interfaces of all fragments spread by a compilation's operations, emitted once each.</summary>
internal sealed record FragmentInterfacesSpec(string Namespace, EquatableArray<FragmentInterfaceSpec> Interfaces)
{
    /// <summary>Where the input and enum types of the interfaces' properties live.</summary>
    public string TypesNamespace { get; init; } = Namespace;
}

internal static class FragmentInterfaceBuilder
{
    public static string NameOf(string fragment) => "I" + Names.Pascal(fragment);

    public static FragmentInterfaceSpec Build(SchemaModel schema, BoundFragment fragment) =>
        Build(schema, NameOf(fragment.Name), fragment.Name, fragment.TypeCondition, fragment.Fields);

    /// <summary>One interface per fragment name; when two files define it differently the first seen is kept, and PYX027 fails the build.</summary>
    public static FragmentInterfacesSpec Collect(string ns, IEnumerable<FragmentInterfaceSpec> used) => new(
        ns,
        used.GroupBy(i => i.Name).Select(g => g.First()).OrderBy(i => i.Name, System.StringComparer.Ordinal).ToEquatableArray());

    private static FragmentInterfaceSpec Build(SchemaModel schema, string name, string fragment, string schemaType, List<FragmentField> fields)
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
            properties.Add(new PropertySpec(propertyName, field.ResponseKey, field.Field.Name, field.Conditional ? value with { Nullable = true } : value));
        }

        return new FragmentInterfaceSpec(name, fragment, schemaType, properties.ToEquatableArray(), nested.ToEquatableArray());
    }
}
