using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Operation types: the schema must have a root for the operation's kind (Pyxis has no subscriptions).</summary>
internal static class KnownOperationTypesRule
{
    /// <summary>False (and reported) when the schema has no root type for <paramref name="kind"/>.</summary>
    public static bool Check(
        ValidationContext context,
        GraphQLOperationDefinition operation,
        string kind,
        [NotNullWhen(true)] TypeDef? root
    )
    {
        if (root is null)
        {
            context.Report(DiagnosticCatalog.UnsupportedOperation, (ASTNode?)operation.Name ?? operation.SelectionSet, kind);
            return false;
        }

        return true;
    }
}
