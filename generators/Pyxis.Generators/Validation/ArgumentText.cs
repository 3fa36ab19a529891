using System.Linq;
using GraphQLParser.AST;

namespace Pyxis.Generators.Validation;

/// <summary>A canonical spelling of a field's arguments, to tell whether two selections of one response key agree.</summary>
internal static class ArgumentText
{
    public static string Of(GraphQLField field) =>
        field.Arguments is not { Count: > 0 } arguments
            ? string.Empty
            : DocumentPrinter.Arguments(arguments.Items.OrderBy(a => a.Name.StringValue, System.StringComparer.Ordinal));
}
