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
    public static InputValueDef? Find(
        ValidationContext context,
        FieldDef definition,
        string fieldName,
        GraphQLArgument argument,
        IEnumerable<string> unsetRequired
    )
    {
        var name = argument.Name.StringValue;
        var expected = definition.Arguments.FirstOrDefault(a => a.Name == name);
        if (expected is null)
        {
            // A renamed argument is usually the required one now missing: suggest it even when the spelling is far off.
            var suggestions = Suggestions.Closest(name, definition.Arguments.Select(a => a.Name));
            suggestions.AddRange(unsetRequired.Where(n => !suggestions.Contains(n)));
            context.Report(DiagnosticCatalog.UnknownArgument, argument.Name, fieldName, name, Suggestions.DidYouMean(suggestions));
            context.MarkUsed(argument.Value);
        }

        return expected;
    }

    /// <summary>Reports every argument of <c>@include</c>/<c>@skip</c> but <c>if</c>; returns how many there were.</summary>
    public static int CheckConditional(ValidationContext context, string directive, List<GraphQLArgument> arguments)
    {
        var unknowns = arguments.Where(a => a.Name.StringValue != "if").ToList();
        foreach (var unknown in unknowns)
        {
            context.Report(
                DiagnosticCatalog.UnknownArgument,
                unknown.Name,
                "@" + directive,
                unknown.Name.StringValue,
                Suggestions.DidYouMean(["if"])
            );
            context.MarkUsed(unknown.Value);
        }

        return unknowns.Count;
    }
}
