using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation.Rules;

namespace Pyxis.Generators.Validation;

/// <summary>
/// Runs the directive rules over the directives of a field, fragment spread or inline fragment, where only
/// <c>@include(if:)</c> and <c>@skip(if:)</c> are supported (see <see cref="KnownDirectivesRule"/>).
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
            if (
                !UniqueDirectivesPerLocationRule.Check(context, directive, name, seen)
                || !KnownDirectivesRule.Check(context, directive, name)
            )
            {
                continue;
            }

            conditional = true;
            var arguments = directive.Arguments?.Items ?? [];
            KnownArgumentNamesRule.CheckConditional(context, name, arguments);
            var condition = ProvidedRequiredArgumentsRule.CheckConditional(context, directive, name, arguments);
            if (condition is not null)
            {
                ValuesOfCorrectTypeRule.Check(context, condition.Value, NonNullBoolean, "@" + name + "(if)", allowVariables: true);
            }
        }

        return conditional;
    }
}
