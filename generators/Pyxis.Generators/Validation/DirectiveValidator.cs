using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>
/// <c>@include(if:)</c> and <c>@skip(if:)</c> on fields, fragment spreads and inline fragments are supported:
/// they only make fields optional, which nullable properties express. Any other directive would change the
/// result's shape unseen.
/// </summary>
internal static class DirectiveValidator
{
    private static readonly TypeRef NonNullBoolean = TypeRef.Named("Boolean", nonNull: true);

    /// <summary>Checks the directives of a field, fragment spread or inline fragment; true when it is conditional.</summary>
    public static bool CheckConditional(ValidationContext context, GraphQLDirectives? directives)
    {
        var conditional = false;
        var seen = new System.Collections.Generic.HashSet<string>();
        foreach (var directive in directives?.Items ?? [])
        {
            var name = directive.Name.StringValue;
            if (!seen.Add(name))
            {
                context.Report(DiagnosticCatalog.DuplicateDirective, directive.Name, name);
                context.MarkUsed(directive);
                continue;
            }

            if (name is not ("include" or "skip"))
            {
                context.Report(DiagnosticCatalog.UnsupportedDirective, directive, name);
                context.MarkUsed(directive);
                continue;
            }

            conditional = true;
            var arguments = directive.Arguments?.Items ?? [];
            var unknowns = arguments.Where(a => a.Name.StringValue != "if").ToList();
            foreach (var unknown in unknowns)
            {
                context.Report(
                    DiagnosticCatalog.UnknownArgument,
                    unknown.Name,
                    "@" + name,
                    unknown.Name.StringValue,
                    Suggestions.DidYouMean(["if"])
                );
                context.MarkUsed(unknown.Value);
            }

            // A misspelt 'if' is one mistake: the unknown argument says so, the missing 'if' is not reported again.
            var condition = arguments.FirstOrDefault(a => a.Name.StringValue == "if");
            if (condition is null && unknowns.Count == 0)
            {
                context.Report(DiagnosticCatalog.MissingArgument, directive, "@" + name, "if", "Boolean!");
            }
            else if (condition is not null)
            {
                ValueValidator.Check(context, condition.Value, NonNullBoolean, "@" + name + "(if)", allowVariables: true);
            }
        }

        return conditional;
    }
}
