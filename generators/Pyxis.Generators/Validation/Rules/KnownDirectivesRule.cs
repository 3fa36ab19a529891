using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>
/// Directives Are Defined (spec 5.7.1), narrowed: <c>@include</c> and <c>@skip</c> only make fields optional, which
/// nullable properties express; any other directive would change the result's shape unseen.
/// </summary>
internal static class KnownDirectivesRule
{
    /// <summary>False (and reported) when the directive is not one the generated code can follow.</summary>
    public static bool Check(ValidationContext context, GraphQLDirective directive, string name)
    {
        if (name is not ("include" or "skip"))
        {
            context.Report(DiagnosticCatalog.UnsupportedDirective, directive, name);
            context.MarkUsed(directive);
            return false;
        }

        return true;
    }

    /// <summary>Refuses every directive where none is supported (on an operation).</summary>
    public static void RefuseAll(ValidationContext context, GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            context.Report(DiagnosticCatalog.UnsupportedDirective, directive, directive.Name.StringValue);
            context.MarkUsed(directive);
        }
    }
}
