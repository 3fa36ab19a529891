using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>All Variable Uses Defined (spec 5.8.3).</summary>
internal static class NoUndefinedVariablesRule
{
    /// <summary>The variable's declaration, or null (reported) when the operation does not declare it.</summary>
    public static BoundVariable? Find(ValidationContext context, GraphQLVariable variable, string name)
    {
        if (!context.DeclaredVariables.TryGetValue(name, out var declared))
        {
            context.Report(DiagnosticCatalog.UndeclaredVariable, variable, name, context.OperationName ?? "(unnamed)");
            return null;
        }

        return declared;
    }
}
