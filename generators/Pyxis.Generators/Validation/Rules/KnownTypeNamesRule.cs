using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Known type names: a variable's type or a type condition names a type of the schema.</summary>
internal static class KnownTypeNamesRule
{
    /// <summary>
    /// The schema type named <paramref name="name"/>, or null (reported at <paramref name="node"/>, suggesting the
    /// closest names: input types for <paramref name="variable"/>'s type, which the generated method then leaves out).
    /// </summary>
    public static TypeDef? Find(ValidationContext context, ASTNode node, string name, string? variable = null)
    {
        if (context.Schema.Find(name) is not { } type)
        {
            var tail = variable is null
                ? TypeSuggestions.Composite(context.Schema, name)
                : TypeSuggestions.ForVariable(context.Schema, name, variable);
            context.Report(DiagnosticCatalog.UnknownType, node, name, tail);
            return null;
        }

        return type;
    }
}
