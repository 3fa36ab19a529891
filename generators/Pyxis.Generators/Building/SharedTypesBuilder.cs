using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Building;

/// <summary>Input and enum types reachable from the operations' variables and results, and nothing more.</summary>
internal static class SharedTypesBuilder
{
    public static SharedTypesSpec Build(SchemaModel schema, IEnumerable<string> used, GeneratorOptions options)
    {
        var roots = options.SchemaTypes switch
        {
            SchemaTypesMode.All => schema.Types.Where(t => t.Kind is TypeKind.Enum or TypeKind.InputObject).Select(t => t.Name),
            SchemaTypesMode.Referenced => Enumerable.Empty<string>(),
            _ => used,
        };
        var reachable = new SortedSet<string>(System.StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            var type = schema.Find(name);
            if (type is null || !reachable.Add(name))
            {
                continue;
            }

            foreach (var field in type.InputFields)
            {
                var fieldType = schema.Find(field.Type.NamedType);
                if (fieldType?.Kind is TypeKind.Enum or TypeKind.InputObject)
                {
                    pending.Push(fieldType.Name);
                }
            }
        }

        var types = reachable.Select(n => schema.Find(n)!).ToList();
        return new SharedTypesSpec(
            options.TypesNamespace,
            types.Where(t => t.Kind == TypeKind.InputObject).Select(t => Input(schema, t)).ToEquatableArray(),
            types.Where(t => t.Kind == TypeKind.Enum).Select(Enum).ToEquatableArray()
        );
    }

    private static InputTypeSpec Input(SchemaModel schema, TypeDef type)
    {
        var name = Names.Type(type.Name);
        var taken = new HashSet<string>
        {
            name,
            "EqualityContract",
            "Equals",
            "GetHashCode",
            "ToString",
            "Deconstruct",
            "PrintMembers",
            "GetType",
            "WriteTo",
        };
        return new InputTypeSpec(
            name,
            type.Name,
            type.InputFields.Select(f => new InputFieldSpec(
                    Names.Unique(Names.Pascal(f.Name), taken),
                    f.Name,
                    ValueTypes.Input(schema, f.Type)
                )
                {
                    Docs = f.Docs,
                })
                .ToEquatableArray()
        )
        {
            Description = type.Docs.Description,
        };
    }

    private static EnumSpec Enum(TypeDef type)
    {
        // Enums are structs with a static property per known value; these names are the struct's own members.
        var taken = new HashSet<string>
        {
            Names.Type(type.Name),
            "WireValue",
            "IsKnown",
            "FromWire",
            "Equals",
            "GetHashCode",
            "ToString",
            "GetType",
        };
        return new EnumSpec(
            Names.Type(type.Name),
            type.Name,
            type.EnumValues.Select(
                    (v, i) =>
                        new EnumMemberSpec(Names.Unique(Names.Pascal(v), taken), v)
                        {
                            Docs = i < type.EnumValueDocs.Count ? type.EnumValueDocs[i] : SchemaDocs.None,
                        }
                )
                .ToEquatableArray()
        )
        {
            Description = type.Docs.Description,
        };
    }
}
