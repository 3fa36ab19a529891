using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Required Arguments (spec 5.4.2.1): every non-null argument without a default is given.</summary>
internal static class ProvidedRequiredArgumentsRule
{
    public static void Check(ValidationContext context, GraphQLField field, FieldDef definition, string fieldName, HashSet<string> given)
    {
        foreach (var argument in definition.Arguments)
        {
            if (argument.Type.NonNull && !argument.HasDefault && !given.Contains(argument.Name))
            {
                context.Report(DiagnosticCatalog.MissingArgument, field.Name, fieldName, argument.Name, argument.Type.ToString());
            }
        }
    }

    /// <summary>Reports <c>@include</c>/<c>@skip</c> without its <c>if</c>; returns the <c>if</c> argument when given.</summary>
    public static GraphQLArgument? CheckConditional(
        ValidationContext context,
        GraphQLDirective directive,
        string name,
        List<GraphQLArgument> arguments
    )
    {
        var condition = arguments.FirstOrDefault(a => a.Name.StringValue == "if");
        if (condition is null)
        {
            context.Report(DiagnosticCatalog.MissingArgument, directive, "@" + name, "if", "Boolean!");
        }

        return condition;
    }
}
