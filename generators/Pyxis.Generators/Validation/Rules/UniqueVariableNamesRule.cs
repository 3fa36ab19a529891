using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Variable Uniqueness (spec 5.8.1).</summary>
internal static class UniqueVariableNamesRule
{
    /// <summary>False (and reported) when the operation already declares a variable of this name.</summary>
    public static bool Check(ValidationContext context, GraphQLVariableDefinition definition, string name)
    {
        if (context.DeclaredVariables.ContainsKey(name))
        {
            context.Report(DiagnosticCatalog.DuplicateVariable, definition.Variable, name);
            return false;
        }

        return true;
    }
}
