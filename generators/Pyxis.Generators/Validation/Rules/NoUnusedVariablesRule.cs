using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>All Variables Used (spec 5.8.4).</summary>
internal static class NoUnusedVariablesRule
{
    public static void Check(ValidationContext context, GraphQLOperationDefinition operation)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            if (!context.UsedVariables.Contains(name))
            {
                context.Report(DiagnosticCatalog.UnusedVariable, definition.Variable, name, operation.Name?.StringValue ?? "(unnamed)");
            }
        }
    }
}
