using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Leaf Field Selections (spec 5.3.3): a scalar or enum has no selection set, an object or abstract type has one.</summary>
internal static class ScalarLeafsRule
{
    /// <summary>False (and reported) when the field's selection set does not fit its type.</summary>
    public static bool Check(ValidationContext context, GraphQLField field, FieldDef definition, TypeDef type)
    {
        var name = field.Name.StringValue;
        if (type.IsLeaf && field.SelectionSet is not null)
        {
            context.Report(DiagnosticCatalog.SelectionOnLeaf, field.SelectionSet, name, definition.Type.ToString());
            return false;
        }

        if (!type.IsLeaf && field.SelectionSet is null)
        {
            context.Report(DiagnosticCatalog.MissingSelection, field.Name, name, definition.Type.ToString());
            return false;
        }

        return true;
    }
}
