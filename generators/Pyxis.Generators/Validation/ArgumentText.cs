using System.Linq;
using GraphQLParser.AST;

namespace Pyxis.Generators.Validation;

/// <summary>A canonical spelling of a field's arguments, to tell whether two selections of one response key agree.</summary>
internal static class ArgumentText
{
    public static string Of(GraphQLField field) =>
        field.Arguments is not { Count: > 0 } arguments
            ? string.Empty
            : "("
                + string.Join(
                    ", ",
                    arguments
                        .Items.OrderBy(a => a.Name.StringValue, System.StringComparer.Ordinal)
                        .Select(a => a.Name.StringValue + ": " + Value(a.Value))
                )
                + ")";

    private static string Value(GraphQLValue value) =>
        value switch
        {
            GraphQLVariable v => "$" + v.Name.StringValue,
            GraphQLStringValue s => "\"" + ((string)s.Value).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            GraphQLIntValue i => (string)i.Value,
            GraphQLFloatValue f => (string)f.Value,
            GraphQLBooleanValue b => b.BoolValue ? "true" : "false",
            GraphQLEnumValue e => e.Name.StringValue,
            GraphQLListValue l => "[" + string.Join(", ", (l.Values ?? []).Select(Value)) + "]",
            GraphQLObjectValue o => "{"
                + string.Join(
                    ", ",
                    (o.Fields ?? [])
                        .OrderBy(f => f.Name.StringValue, System.StringComparer.Ordinal)
                        .Select(f => f.Name.StringValue + ": " + Value(f.Value))
                )
                + "}",
            _ => "null",
        };
}
