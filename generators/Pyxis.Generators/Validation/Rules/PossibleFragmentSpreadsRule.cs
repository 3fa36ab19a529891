using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Fragment Spread Is Possible (spec 5.5.2.3): the fragment's type and the parent type share an object type.</summary>
internal static class PossibleFragmentSpreadsRule
{
    /// <summary>False (and reported) when the fragment could never apply to <paramref name="parent"/>.</summary>
    public static bool Check(ValidationContext context, TypeDef parent, TypeDef scope, string fragment, ASTNode where)
    {
        if (!context.Schema.Overlap(parent, scope))
        {
            context.Report(DiagnosticCatalog.FragmentTypeMismatch, where, fragment, scope.Name, parent.Name);
            return false;
        }

        return true;
    }
}
