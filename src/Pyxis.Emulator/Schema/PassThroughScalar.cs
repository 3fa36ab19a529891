using GraphQL.Types;
using GraphQLParser.AST;

namespace Pyxis.Emulator.Schema;

/// <summary>A Pyxis custom scalar (ObjectID, DateTime, NULL…): values pass through as their JSON form.</summary>
internal sealed class PassThroughScalar : ScalarGraphType
{
    public PassThroughScalar(string name) => Name = name;

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value;

    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override object? ParseLiteral(GraphQLValue value) =>
        value switch
        {
            GraphQLNullValue => null,
            GraphQLStringValue s => (string)s.Value,
            GraphQLIntValue i => long.Parse((string)i.Value, System.Globalization.CultureInfo.InvariantCulture),
            GraphQLFloatValue f => double.Parse((string)f.Value, System.Globalization.CultureInfo.InvariantCulture),
            GraphQLBooleanValue b => b.BoolValue,
            GraphQLEnumValue e => e.Name.StringValue,
            GraphQLListValue l => l.Values?.Select(ParseLiteral).ToList(),
            GraphQLObjectValue o => o.Fields?.ToDictionary(f => f.Name.StringValue, f => ParseLiteral(f.Value)),
            _ => ThrowLiteralConversionError(value),
        };
}
