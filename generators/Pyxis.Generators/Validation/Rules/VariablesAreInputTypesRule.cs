using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Variables Are Input Types (spec 5.8.2).</summary>
internal static class VariablesAreInputTypesRule
{
    /// <summary>False (and reported) when the variable's named type is an output type.</summary>
    public static bool Check(ValidationContext context, GraphQLVariableDefinition definition, string name, TypeRef type, TypeDef named)
    {
        if (!named.IsInput)
        {
            context.Report(DiagnosticCatalog.NotInputType, definition.Type, name, type.ToString());
            return false;
        }

        return true;
    }
}
