using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Directives Are Unique per Location (spec 5.7.3).</summary>
internal static class UniqueDirectivesPerLocationRule
{
    /// <summary>False (and reported) when <paramref name="seen"/> already holds this directive's name.</summary>
    public static bool Check(ValidationContext context, GraphQLDirective directive, string name, HashSet<string> seen)
    {
        if (!seen.Add(name))
        {
            context.Report(DiagnosticCatalog.DuplicateDirective, directive.Name, name);
            context.MarkUsed(directive);
            return false;
        }

        return true;
    }
}
