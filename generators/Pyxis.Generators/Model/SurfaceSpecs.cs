namespace Pyxis.Generators.Model;

/// <summary>One schema object type as a lambda-query data class: every field a nullable property, set when selected.</summary>
internal sealed record SurfaceTypeSpec(string Name, string SchemaType, EquatableArray<PropertySpec> Properties)
{
    public string? Description { get; init; }

    /// <summary>Object fields with arguments, also as methods taking them (<c>ImagesWith(page: 1, select: p => …)</c>).</summary>
    public EquatableArray<SurfaceRootSpec> Methods { get; init; } = EquatableArray<SurfaceRootSpec>.Empty;
}

/// <summary>One Query root field as a method of <c>PyxisQuery</c>: its arguments, then a selector over its result.</summary>
internal sealed record SurfaceRootSpec(string MethodName, string Field, ValueTypeSpec Result, EquatableArray<VariableSpec> Arguments)
{
    public SchemaDocs Docs { get; init; } = SchemaDocs.None;
}

/// <summary>A union or interface as a lambda-query value: its <c>__typename</c>, and <c>On&lt;T&gt;()</c> for each possible type.</summary>
internal sealed record SurfaceAbstractSpec(string Name, string SchemaType, EquatableArray<VariantSpec> Members);

/// <summary>The selectable schema for lambda queries, emitted with the package (bundled schema, every type).</summary>
internal sealed record SurfaceSpec(
    string Namespace,
    string TypesNamespace,
    EquatableArray<SurfaceTypeSpec> Types,
    EquatableArray<SurfaceRootSpec> Roots
)
{
    public static SurfaceSpec Empty { get; } =
        new(string.Empty, string.Empty, EquatableArray<SurfaceTypeSpec>.Empty, EquatableArray<SurfaceRootSpec>.Empty);

    /// <summary>Unions and interfaces, read by <c>__typename</c>.</summary>
    public EquatableArray<SurfaceAbstractSpec> Abstracts { get; init; } = EquatableArray<SurfaceAbstractSpec>.Empty;

    /// <summary>The Mutation root's fields, for <c>PyxisMutation</c> (empty when the schema has none).</summary>
    public EquatableArray<SurfaceRootSpec> MutationRoots { get; init; } = EquatableArray<SurfaceRootSpec>.Empty;
}
