using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>All Variable Usages Are Allowed (spec 5.8.5).</summary>
internal static class VariablesInAllowedPositionRule
{
    public static void Check(ValidationContext context, GraphQLVariable variable, BoundVariable declared, TypeRef expected, string where)
    {
        var name = declared.Name;
        if (!context.UntypedVariables.Contains(name) && !Fits(declared.Type, expected, declared.HasDefault))
        {
            context.Report(DiagnosticCatalog.VariableTypeMismatch, variable, name, declared.Type.ToString(), where, expected.ToString());
        }
    }

    // A variable fits where its type is the same shape, at least as strict about null (spec: AreTypesCompatible).
    private static bool Fits(TypeRef variable, TypeRef location, bool hasDefault)
    {
        if (location.NonNull && !variable.NonNull && !hasDefault)
        {
            return false;
        }

        if (location.IsList != variable.IsList)
        {
            return false;
        }

        return location.IsList ? Fits(variable.Item!, location.Item!, hasDefault: false) : location.Name == variable.Name;
    }
}
