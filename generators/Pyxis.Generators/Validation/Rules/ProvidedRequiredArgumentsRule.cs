using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Required Arguments (spec 5.4.2.1): every non-null argument without a default is given.</summary>
internal static class ProvidedRequiredArgumentsRule
{
    /// <summary>The required arguments <paramref name="field"/> leaves unset.</summary>
    public static List<InputValueDef> Unset(FieldDef definition, GraphQLField field) =>
        definition
            .Arguments.Where(a => a.Type.NonNull && !a.HasDefault && !(field.Arguments?.Items ?? []).Any(g => g.Name.StringValue == a.Name))
            .ToList();

    // One cause, one error: each unknown argument (already reported, suggesting these) stands for one missing one.
    public static void Check(ValidationContext context, GraphQLField field, string fieldName, List<InputValueDef> unset, int unknownCount)
    {
        foreach (var argument in unset.Skip(unknownCount))
        {
            context.Report(DiagnosticCatalog.MissingArgument, field.Name, fieldName, argument.Name, argument.Type.ToString());
        }
    }

    /// <summary>Reports <c>@include</c>/<c>@skip</c> without its <c>if</c>; returns the <c>if</c> argument when given.</summary>
    public static GraphQLArgument? CheckConditional(
        ValidationContext context,
        GraphQLDirective directive,
        string name,
        List<GraphQLArgument> arguments,
        int unknownCount
    )
    {
        // A misspelt 'if' is one mistake: the unknown argument says so, the missing 'if' is not reported again.
        var condition = arguments.FirstOrDefault(a => a.Name.StringValue == "if");
        if (condition is null && unknownCount == 0)
        {
            context.Report(DiagnosticCatalog.MissingArgument, directive, "@" + name, "if", "Boolean!");
        }

        return condition;
    }
}
