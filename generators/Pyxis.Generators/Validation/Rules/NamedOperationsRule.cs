using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Pyxis's own rule: every operation is named, since its name names the generated class and method.</summary>
internal static class NamedOperationsRule
{
    public static void Check(ValidationContext context, GraphQLOperationDefinition operation)
    {
        if (operation.Name is null)
        {
            context.Report(DiagnosticCatalog.UnnamedOperation, operation.SelectionSet);
        }
    }
}
