using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>
/// Field Selection Merging (spec 5.3.2): two selections of one response key ask for the same field with the same arguments.
/// </summary>
internal static class OverlappingFieldsCanBeMergedRule
{
    /// <summary>False (and reported) when <paramref name="field"/> cannot merge into <paramref name="existing"/>.</summary>
    public static bool Check(ValidationContext context, BoundField existing, BoundField field, ASTNode where)
    {
        if (existing.Field.Name != field.Field.Name || existing.ArgumentsText != field.ArgumentsText)
        {
            // The server would refuse the document; say so at build time.
            context.Report(
                DiagnosticCatalog.ConflictingSelection,
                where,
                field.ResponseKey,
                existing.Field.Name + existing.ArgumentsText,
                field.Field.Name + field.ArgumentsText
            );
            return false;
        }

        return true;
    }
}
