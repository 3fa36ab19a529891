using System.Text;

namespace Pyxis.Generators.Model;

internal enum TypeKind
{
    Scalar,
    Object,
    InputObject,
    Enum,
    Interface,
    Union,
}

/// <summary>A GraphQL type reference: a named type, or a list of <see cref="Item"/>; either may be non-null.</summary>
internal sealed record TypeRef(string Name, bool NonNull, TypeRef? Item)
{
    public bool IsList => Item is not null;

    public string NamedType => Item?.NamedType ?? Name;

    public static TypeRef Named(string name, bool nonNull = false) => new(name, nonNull, null);

    public static TypeRef List(TypeRef item, bool nonNull = false) => new(string.Empty, nonNull, item);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Item is null ? Name : "[" + Item + "]");
        if (NonNull)
        {
            text.Append('!');
        }

        return text.ToString();
    }
}

/// <summary>What the schema says about a definition: its description and, when deprecated, the reason.</summary>
internal sealed record SchemaDocs(string? Description, string? Deprecation)
{
    public static SchemaDocs None { get; } = new(null, null);
}

internal sealed record InputValueDef(string Name, TypeRef Type, bool HasDefault)
{
    public SchemaDocs Docs { get; init; } = SchemaDocs.None;
}

internal sealed record FieldDef(string Name, TypeRef Type, EquatableArray<InputValueDef> Arguments)
{
    public SchemaDocs Docs { get; init; } = SchemaDocs.None;
}

/// <summary>
/// One named schema type. Objects use <see cref="Fields"/>, inputs <see cref="InputFields"/>, enums <see cref="EnumValues"/>.
/// </summary>
internal sealed record TypeDef(
    string Name,
    TypeKind Kind,
    EquatableArray<FieldDef> Fields,
    EquatableArray<InputValueDef> InputFields,
    EquatableArray<string> EnumValues
)
{
    public SchemaDocs Docs { get; init; } = SchemaDocs.None;

    /// <summary>Parallel to <see cref="EnumValues"/>.</summary>
    public EquatableArray<SchemaDocs> EnumValueDocs { get; init; } = EquatableArray<SchemaDocs>.Empty;

    /// <summary>Unions: their members. Interfaces: the object types that implement them. Objects: the interfaces they implement.</summary>
    public EquatableArray<string> Related { get; init; } = EquatableArray<string>.Empty;

    public bool IsAbstract => Kind is TypeKind.Union or TypeKind.Interface;

    public FieldDef? FindField(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    public bool IsInput => Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;
}
