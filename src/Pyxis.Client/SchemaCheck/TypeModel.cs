using GraphQLParser.AST;

namespace Pyxis.Client.SchemaCheck;

/// <summary>One named type: its introspection kind and the members that kind has.</summary>
internal sealed record TypeModel(string Name, string Kind)
{
    public Dictionary<string, FieldModel> Fields { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, InputModel> InputFields { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Enum values with their deprecation reason (null when not deprecated).</summary>
    public Dictionary<string, string?> EnumValues { get; init; } = new(StringComparer.Ordinal);

    public List<string> Members { get; init; } = [];

    public List<string> Interfaces { get; init; } = [];

    public bool IsLeaf => Kind is "SCALAR" or "ENUM";

    public bool IsInput => Kind is "SCALAR" or "ENUM" or "INPUT_OBJECT";

    public static TypeModel? From(GraphQLTypeDefinition definition) =>
        definition switch
        {
            GraphQLScalarTypeDefinition s => new(s.Name.StringValue, "SCALAR"),
            GraphQLObjectTypeDefinition o => new(o.Name.StringValue, "OBJECT")
            {
                Fields = FieldsOf(o.Fields),
                Interfaces = (o.Interfaces?.Items ?? []).Select(i => i.Name.StringValue).ToList(),
            },
            GraphQLInterfaceTypeDefinition i => new(i.Name.StringValue, "INTERFACE")
            {
                Fields = FieldsOf(i.Fields),
                Interfaces = (i.Interfaces?.Items ?? []).Select(x => x.Name.StringValue).ToList(),
            },
            GraphQLUnionTypeDefinition u => new(u.Name.StringValue, "UNION")
            {
                Members = (u.Types?.Items ?? []).Select(t => t.Name.StringValue).ToList(),
            },
            GraphQLEnumTypeDefinition e => new(e.Name.StringValue, "ENUM")
            {
                EnumValues = SchemaModel.ByName(e.Values?.Items ?? [], v => v.Name.StringValue, v => SchemaModel.Deprecation(v.Directives)),
            },
            GraphQLInputObjectTypeDefinition io => new(io.Name.StringValue, "INPUT_OBJECT")
            {
                InputFields = SchemaModel.Inputs(io.Fields?.Items),
            },
            _ => null,
        };

    private static Dictionary<string, FieldModel> FieldsOf(GraphQLFieldsDefinition? fields) =>
        SchemaModel.ByName(
            fields?.Items ?? [],
            f => f.Name.StringValue,
            f => new FieldModel(
                f.Name.StringValue,
                GraphType.From(f.Type),
                SchemaModel.Inputs(f.Arguments?.Items),
                SchemaModel.Deprecation(f.Directives)
            )
        );
}
