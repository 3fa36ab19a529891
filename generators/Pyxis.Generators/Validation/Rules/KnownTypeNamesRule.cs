using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Known type names: a variable's type or a type condition names a type of the schema.</summary>
internal static class KnownTypeNamesRule
{
    /// <summary>The schema type named <paramref name="name"/>, or null (reported at <paramref name="node"/>).</summary>
    public static TypeDef? Find(ValidationContext context, ASTNode node, string name)
    {
        if (context.Schema.Find(name) is not { } type)
        {
            context.Report(DiagnosticCatalog.UnknownType, node, name);
            return null;
        }

        return type;
    }
}
