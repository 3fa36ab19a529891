using System.Collections.Generic;
using GraphQLParser;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Parsing;

/// <summary>
/// The introspection types every GraphQL schema has without declaring them (spec §4.5), so operations may select
/// <c>__schema</c> and <c>__type</c> and get typed records like any other field.
/// </summary>
internal static class Introspection
{
    public const string SchemaField = "__schema";
    public const string TypeField = "__type";

    public static readonly FieldDef Schema = new(
        SchemaField,
        TypeRef.Named("__Schema", nonNull: true),
        EquatableArray<InputValueDef>.Empty
    );

    public static readonly FieldDef Type = new(
        TypeField,
        TypeRef.Named("__Type"),
        new[] { new InputValueDef("name", TypeRef.Named("String", nonNull: true), false) }.ToEquatableArray()
    );

    private const string Sdl = """
        type __Schema { description: String types: [__Type!]! queryType: __Type! mutationType: __Type subscriptionType: __Type directives: [__Directive!]! }
        type __Type { kind: __TypeKind! name: String description: String specifiedByURL: String fields(includeDeprecated: Boolean = false): [__Field!] interfaces: [__Type!] possibleTypes: [__Type!] enumValues(includeDeprecated: Boolean = false): [__EnumValue!] inputFields(includeDeprecated: Boolean = false): [__InputValue!] ofType: __Type isOneOf: Boolean }
        type __Field { name: String! description: String args(includeDeprecated: Boolean = false): [__InputValue!]! type: __Type! isDeprecated: Boolean! deprecationReason: String }
        type __InputValue { name: String! description: String type: __Type! defaultValue: String isDeprecated: Boolean! deprecationReason: String }
        type __EnumValue { name: String! description: String isDeprecated: Boolean! deprecationReason: String }
        type __Directive { name: String! description: String locations: [__DirectiveLocation!]! args(includeDeprecated: Boolean = false): [__InputValue!]! isRepeatable: Boolean! }
        enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
        enum __DirectiveLocation { QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION }
        """;

    private static readonly List<TypeDef> Types = Parse();

    /// <summary>Adds the introspection types a schema file does not define itself.</summary>
    public static void AddTo(Dictionary<string, TypeDef> types)
    {
        foreach (var type in Types)
        {
            if (!types.ContainsKey(type.Name))
            {
                types[type.Name] = type;
            }
        }
    }

    /// <summary>The meta-fields of the query root (§4.5.3); <c>__typename</c> is everywhere and handled by the selection binder.</summary>
    public static FieldDef? RootField(string name) =>
        name switch
        {
            SchemaField => Schema,
            TypeField => Type,
            _ => null,
        };

    private static List<TypeDef> Parse()
    {
        var types = new List<TypeDef>();
        foreach (var definition in Parser.Parse(Sdl).Definitions)
        {
            if (SchemaParser.ToTypeDef(definition) is { } type)
            {
                types.Add(type);
            }
        }

        return types;
    }
}
