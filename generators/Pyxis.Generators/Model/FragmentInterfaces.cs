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
    EquatableArray<FragmentInterfaceSpec> Nested
);

/// <summary>An interface a record implements: its full C# name and, per interface property, the record property behind it.</summary>
internal sealed record RecordInterfaceSpec(string FullName, FragmentInterfaceSpec Interface, EquatableArray<string> RecordProperties);

/// <summary>Interfaces of all fragments spread by a compilation's operations, emitted once each.</summary>
internal sealed record FragmentInterfacesSpec(string Namespace, EquatableArray<FragmentInterfaceSpec> Interfaces)
{
    /// <summary>Where the input and enum types of the interfaces' properties live.</summary>
    public string TypesNamespace { get; init; } = Namespace;
}
