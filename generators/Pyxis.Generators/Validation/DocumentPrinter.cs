using System.Collections.Generic;
using System.Linq;
using System.Text;
using GraphQLParser.AST;

namespace Pyxis.Generators.Validation;

/// <summary>
/// Prints the GraphQL syntax tree the validator checks, on one line: <c>query Name($a: T) { f0: field(a: $a) { x } }</c>.
/// A lambda's document is printed from the tree the validator checked, so what is sent is what was checked; the
/// validator's own canonical spelling of arguments (<see cref="ArgumentText"/>) prints values here too. A <c>.graphql</c>
/// operation is not printed but sent as written (<see cref="DocumentText"/>).
/// </summary>
internal static class DocumentPrinter
{
    public static string Operation(GraphQLOperationDefinition operation)
    {
        var text = new StringBuilder(operation.Operation == OperationType.Mutation ? "mutation" : "query");
        if (operation.Name is { } name)
        {
            text.Append(' ').Append(name.StringValue);
        }

        if (operation.Variables is { Items.Count: > 0 } variables)
        {
            text.Append('(')
                .Append(string.Join(", ", variables.Items.Select(v => "$" + v.Variable.Name.StringValue + ": " + Type(v.Type))))
                .Append(')');
        }

        SelectionSet(text.Append(' '), operation.SelectionSet, string.Empty);
        return text.ToString();
    }

    /// <summary>One field; <paramref name="variableSuffix"/> is appended to every variable it uses (an alias template's index).</summary>
    public static string Field(GraphQLField field, string variableSuffix = "")
    {
        var text = new StringBuilder();
        Field(text, field, variableSuffix);
        return text.ToString();
    }

    public static string Arguments(IEnumerable<GraphQLArgument> arguments, string variableSuffix = "") =>
        "(" + string.Join(", ", arguments.Select(a => a.Name.StringValue + ": " + Value(a.Value, variableSuffix))) + ")";

    /// <summary>A value with an input object's fields in name order, so two spellings of one value print alike.</summary>
    public static string Value(GraphQLValue value, string variableSuffix = "") =>
        value switch
        {
            GraphQLVariable v => "$" + v.Name.StringValue + variableSuffix,
            GraphQLStringValue s => "\"" + ((string)s.Value).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            GraphQLIntValue i => (string)i.Value,
            GraphQLFloatValue f => (string)f.Value,
            GraphQLBooleanValue b => b.BoolValue ? "true" : "false",
            GraphQLEnumValue e => e.Name.StringValue,
            GraphQLListValue l => "[" + string.Join(", ", (l.Values ?? []).Select(v => Value(v, variableSuffix))) + "]",
            GraphQLObjectValue o => "{"
                + string.Join(
                    ", ",
                    (o.Fields ?? [])
                        .OrderBy(f => f.Name.StringValue, System.StringComparer.Ordinal)
                        .Select(f => f.Name.StringValue + ": " + Value(f.Value, variableSuffix))
                )
                + "}",
            _ => "null",
        };

    private static void Field(StringBuilder text, GraphQLField field, string variableSuffix)
    {
        if (field.Alias is { } alias)
        {
            text.Append(alias.Name.StringValue).Append(": ");
        }

        text.Append(field.Name.StringValue);
        if (field.Arguments is { Items.Count: > 0 } arguments)
        {
            text.Append(Arguments(arguments.Items, variableSuffix));
        }

        if (field.SelectionSet is { } selections)
        {
            SelectionSet(text.Append(' '), selections, variableSuffix);
        }
    }

    private static void SelectionSet(StringBuilder text, GraphQLSelectionSet selections, string variableSuffix)
    {
        text.Append('{');
        foreach (var selection in selections.Selections)
        {
            text.Append(' ');
            switch (selection)
            {
                case GraphQLField field:
                    Field(text, field, variableSuffix);
                    break;
                case GraphQLInlineFragment inline:
                    text.Append("...");
                    if (inline.TypeCondition is { } condition)
                    {
                        text.Append(" on ").Append(condition.Type.Name.StringValue);
                    }

                    SelectionSet(text.Append(' '), inline.SelectionSet, variableSuffix);
                    break;
                case GraphQLFragmentSpread spread:
                    text.Append("...").Append(spread.FragmentName.Name.StringValue);
                    break;
            }
        }

        text.Append(selections.Selections.Count == 0 ? "  }" : " }");
    }

    private static string Type(GraphQLType type) =>
        type switch
        {
            GraphQLNonNullType nonNull => Type(nonNull.Type) + "!",
            GraphQLListType list => "[" + Type(list.Type) + "]",
            GraphQLNamedType named => named.Name.StringValue,
            _ => string.Empty,
        };
}
