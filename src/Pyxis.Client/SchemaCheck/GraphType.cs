using GraphQLParser.AST;

namespace Pyxis.Client.SchemaCheck;

/// <summary>A type reference as SDL writes it: a named type, a list of one, or either made non-null.</summary>
internal sealed record GraphType(string? Name, GraphType? OfType, bool IsList, bool IsNonNull)
{
    public string NamedType => Name ?? OfType!.NamedType;

    public static GraphType From(GraphQLType type) =>
        type switch
        {
            GraphQLNonNullType n => new(null, From(n.Type), false, true),
            GraphQLListType l => new(null, From(l.Type), true, false),
            _ => new(((GraphQLNamedType)type).Name.StringValue, null, false, false),
        };

    public override string ToString() =>
        IsNonNull ? OfType + "!"
        : IsList ? "[" + OfType + "]"
        : Name!;
}
