namespace Pyxis.Generators.Model;

internal enum ValueKind
{
    Scalar,
    Enum,
    InputObject,
    Object,
    List,
}

/// <summary>How a GraphQL scalar is represented in C#.</summary>
internal enum ScalarKind
{
    None,
    String,
    Int,
    Float,
    Boolean,
    Id,
    DateTime,
    Long,
    Json,

    /// <summary>A custom scalar the project maps to its own struct (<see cref="ValueTypeSpec.TypeName"/>).</summary>
    Mapped,
}

/// <summary>A custom scalar and the C# struct (implementing <c>IPyxisScalar&lt;T&gt;</c>) that stands for it.</summary>
internal sealed record ScalarMapping(string Scalar, string ClrType);

/// <summary>
/// A C# value shape: <see cref="TypeName"/> is the record, enum or input type name for those kinds;
/// lists carry their <see cref="Item"/>.
/// </summary>
internal sealed record ValueTypeSpec(ValueKind Kind, bool Nullable, string TypeName, ScalarKind Scalar, ValueTypeSpec? Item)
{
    /// <summary>The method reading an object value when it is not <c>Read{TypeName}</c> (a lambda query's own projection readers).</summary>
    public string? Reader { get; init; }
}

internal sealed record PropertySpec(string Name, string ResponseKey, string SchemaField, ValueTypeSpec Type)
{
    public SchemaDocs Docs { get; init; } = SchemaDocs.None;

    /// <summary>For a lambda projection's field read with arguments: the surface method it overrides, else null.</summary>
    public SurfaceRootSpec? Method { get; init; }
}

/// <summary>
/// A result record. Envelope records (Pyxis <c>{ data, error }</c>) name their error members; records that
/// spread named fragments list the fragment interfaces they implement.
/// </summary>
internal sealed record RecordSpec(
    string Name,
    string SchemaType,
    EquatableArray<PropertySpec> Properties,
    string? EnvelopeError,
    string? EnvelopeStatus,
    string? EnvelopeDetail,
    EquatableArray<RecordInterfaceSpec> Interfaces
)
{
    /// <summary>The schema's description of <see cref="SchemaType"/>.</summary>
    public string? Description { get; init; }

    /// <summary>A union or interface result: an abstract record whose nested records are <see cref="Variants"/>.</summary>
    public EquatableArray<VariantSpec> Variants { get; init; } = EquatableArray<VariantSpec>.Empty;

    public bool IsAbstract => Variants.Count > 0;

    /// <summary>For a variant: the abstract record it derives from; its first <see cref="BaseArity"/> properties are the base's.</summary>
    public string? BaseRecord { get; init; }

    public int BaseArity { get; init; }

    /// <summary>The name as declared (variants are nested in their base: <c>Entity.Other</c> declares <c>Other</c>).</summary>
    public string ShortName => Name.Substring(Name.LastIndexOf('.') + 1);

    /// <summary>The name of its reader method (no dots).</summary>
    public string ReaderName => Name.Replace(".", string.Empty);
}

/// <summary>One member of a union/interface result family: the object type it stands for (empty for the fallback) and its record.</summary>
internal sealed record VariantSpec(string SchemaType, string RecordName);

internal sealed record VariableSpec(string Name, string ParameterName, ValueTypeSpec Type, bool HasDefault)
{
    /// <summary>The description of the root field argument the variable is passed to.</summary>
    public string? Description { get; init; }
}

/// <summary>How the typed method unwraps a single root field that is a Pyxis envelope.</summary>
internal sealed record EnvelopeSpec(
    string RootProperty,
    string EnvelopeRecord,
    string DataProperty,
    ValueTypeSpec DataType,
    bool IsPage,
    PagingSpec? Paging
);

/// <summary>
/// A page whose <c>page</c> and <c>page_size</c> arguments come from variables can be streamed across all pages;
/// <see cref="TotalProperty"/> (when <c>total</c> is selected) lets the remaining pages be fetched concurrently.
/// </summary>
internal sealed record PagingSpec(string PageVariable, string PageSizeVariable, string? TotalProperty);

internal sealed record OperationSpec(
    string Name,
    string Kind,
    string Namespace,
    string OperationsClass,
    string ClassName,
    string SourcePath,
    string Document,
    EquatableArray<VariableSpec> Variables,
    EquatableArray<RecordSpec> Records,
    EnvelopeSpec? Envelope,
    AliasSpec? Alias,
    EquatableArray<FragmentInterfaceSpec> Fragments
)
{
    /// <summary>The description of the single root field, for the typed method's docs.</summary>
    public string? RootDescription { get; init; }

    /// <summary>Where the input and enum types the operation uses live (see <see cref="GeneratorOptions.TypesNamespace"/>).</summary>
    public string TypesNamespace { get; init; } = Namespace;
}

internal sealed record InputFieldSpec(string Name, string WireName, ValueTypeSpec Type)
{
    public SchemaDocs Docs { get; init; } = SchemaDocs.None;
}

internal sealed record InputTypeSpec(string Name, string SchemaType, EquatableArray<InputFieldSpec> Fields)
{
    public string? Description { get; init; }
}

internal sealed record EnumMemberSpec(string Name, string WireName)
{
    public SchemaDocs Docs { get; init; } = SchemaDocs.None;
}

internal sealed record EnumSpec(string Name, string SchemaType, EquatableArray<EnumMemberSpec> Members)
{
    public string? Description { get; init; }
}

/// <summary>Input and enum types shared by all operations of a compilation, emitted once.</summary>
internal sealed record SharedTypesSpec(string Namespace, EquatableArray<InputTypeSpec> Inputs, EquatableArray<EnumSpec> Enums);

/// <summary>Which schema input and enum types a compilation emits.</summary>
internal enum SchemaTypesMode
{
    /// <summary>Those the operations reach (the default for a project with its own schema).</summary>
    Reachable,

    /// <summary>Every one in the schema (the Pyxis.Client package, so users of its schema share one type each).</summary>
    All,

    /// <summary>None: they come from <see cref="GeneratorOptions.TypesNamespace"/> in a referenced assembly.</summary>
    Referenced,
}

internal sealed record GeneratorOptions(string Namespace, string OperationsClass)
{
    /// <summary>Where input and enum types live; the operations' namespace unless they come from a package.</summary>
    public string TypesNamespace { get; init; } = Namespace;

    public SchemaTypesMode SchemaTypes { get; init; } = SchemaTypesMode.Reachable;

    /// <summary>Custom scalars mapped to the project's own types.</summary>
    public EquatableArray<ScalarMapping> Scalars { get; init; } = EquatableArray<ScalarMapping>.Empty;

    /// <summary>Operation names a referenced package already generates; reusing one would make ambiguous C#.</summary>
    public EquatableArray<string> ReservedOperations { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The schema's name in the operation manifest (<c>PyxisSchemaName</c>, default <c>Pyxis</c>).</summary>
    public string SchemaName { get; init; } = "Pyxis";

    /// <summary>The project folder: manifest paths are relative to it, so they are the same in every checkout.</summary>
    public string? ProjectDir { get; init; }
}

internal sealed record AliasVariable(string Name, string TypeText);

/// <summary>The single root field as a template for alias batching: every variable renamed <c>$name__</c> + index marker.</summary>
internal sealed record AliasSpec(string FieldTemplate, EquatableArray<AliasVariable> Variables, string Fragments);
