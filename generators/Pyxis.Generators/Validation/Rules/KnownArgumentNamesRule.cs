using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Argument Names (spec 5.4.1): a field's or directive's arguments are ones it defines.</summary>
internal static class KnownArgumentNamesRule
{
    /// <summary>The argument's definition, or null (reported) when the field has no argument of this name.</summary>
    public static InputValueDef? Find(ValidationContext context, FieldDef definition, string fieldName, GraphQLArgument argument)
    {
        var name = argument.Name.StringValue;
        var expected = definition.Arguments.FirstOrDefault(a => a.Name == name);
        if (expected is null)
        {
            context.Report(DiagnosticCatalog.UnknownArgument, argument.Name, fieldName, name);
            context.MarkUsed(argument.Value);
        }

        return expected;
    }

    /// <summary>Reports every argument of <c>@include</c>/<c>@skip</c> but <c>if</c>.</summary>
    public static void CheckConditional(ValidationContext context, string directive, List<GraphQLArgument> arguments)
    {
        foreach (var unknown in arguments.Where(a => a.Name.StringValue != "if"))
        {
            context.Report(DiagnosticCatalog.UnknownArgument, unknown.Name, "@" + directive, unknown.Name.StringValue);
        }
    }
}
