using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>
/// Checks a literal or variable against the input type it is given to (spec 5.6.1, Values of Correct Type; a variable's use is checked by
/// its own rules).
/// </summary>
internal static class ValuesOfCorrectTypeRule
{
    public static void Check(ValidationContext context, GraphQLValue value, TypeRef expected, string where, bool allowVariables)
    {
        switch (value)
        {
            case GraphQLVariable variable when allowVariables:
                CheckVariable(context, variable, expected, where);
                return;
            case GraphQLNullValue:
                if (expected.NonNull)
                {
                    Mismatch(context, value, "null", expected, where);
                }

                return;
            case GraphQLListValue list when expected.IsList:
                foreach (var item in list.Values ?? [])
                {
                    Check(context, item, expected.Item!, where, allowVariables);
                }

                return;
        }

        if (expected.IsList)
        {
            // Input coercion accepts a single item where a list is expected.
            Check(context, value, expected.Item!, where, allowVariables);
            return;
        }

        var type = context.Schema.Find(expected.Name);
        if (type is null)
        {
            return;
        }

        if (value is GraphQLObjectValue obj && type.Kind == TypeKind.InputObject)
        {
            CheckObject(context, obj, type, where, allowVariables);
        }
        else if (!LiteralFits(value, type))
        {
            Mismatch(context, value, Describe(value), expected, where);
        }
        else if (
            type.Name == "Int"
            && value is GraphQLIntValue number
            && !int.TryParse(
                number.Value.ToString(),
                System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture,
                out _
            )
        )
        {
            Mismatch(context, value, number.Value + " (outside Int's 32-bit range)", expected, where);
        }
    }

    private static void CheckVariable(ValidationContext context, GraphQLVariable variable, TypeRef expected, string where)
    {
        var name = variable.Name.StringValue;
        context.UsedVariables.Add(name);
        if (context.FragmentAlone)
        {
            return;
        }

        if (NoUndefinedVariablesRule.Find(context, variable, name) is { } declared)
        {
            VariablesInAllowedPositionRule.Check(context, variable, declared, expected, where);
        }
    }

    private static void CheckObject(ValidationContext context, GraphQLObjectValue obj, TypeDef type, string where, bool allowVariables)
    {
        var given = new System.Collections.Generic.HashSet<string>();
        foreach (var field in obj.Fields ?? [])
        {
            var name = field.Name.StringValue;
            if (!given.Add(name))
            {
                context.Report(DiagnosticCatalog.DuplicateInputField, field.Name, name);
                context.MarkUsed(field.Value);
                continue;
            }

            var definition = type.InputFields.FirstOrDefault(f => f.Name == name);
            if (definition is null)
            {
                context.Report(DiagnosticCatalog.UnknownField, field.Name, name, type.Name);
                context.MarkUsed(field.Value);
                continue;
            }

            context.ReportDeprecated(definition.Docs, field.Name, type.Name + "." + name);
            Check(context, field.Value, definition.Type, where + "." + name, allowVariables);
        }

        foreach (var required in type.InputFields.Where(f => f.Type.NonNull && !f.HasDefault))
        {
            if (obj.Fields?.Any(f => f.Name.StringValue == required.Name) != true)
            {
                context.Report(DiagnosticCatalog.MissingArgument, obj, type.Name, required.Name, required.Type.ToString());
            }
        }
    }

    private static bool LiteralFits(GraphQLValue value, TypeDef type)
    {
        if (type.Kind == TypeKind.Enum)
        {
            return value is GraphQLEnumValue e && type.EnumValues.Contains(e.Name.StringValue);
        }

        if (type.Kind != TypeKind.Scalar)
        {
            return false;
        }

        return type.Name switch
        {
            "Int" => value is GraphQLIntValue,
            "Float" => value is GraphQLIntValue or GraphQLFloatValue,
            "String" => value is GraphQLStringValue,
            "Boolean" => value is GraphQLBooleanValue,
            "ID" => value is GraphQLStringValue or GraphQLIntValue,
            _ => value is not GraphQLVariable, // custom scalars define their own literal forms
        };
    }

    private static string Describe(GraphQLValue value) =>
        value switch
        {
            GraphQLStringValue s => "\"" + s.Value + "\"",
            GraphQLIntValue i => i.Value.ToString(),
            GraphQLFloatValue f => f.Value.ToString(),
            GraphQLBooleanValue b => b.Value.ToString(),
            GraphQLEnumValue e => e.Name.StringValue,
            GraphQLVariable v => "$" + v.Name.StringValue,
            GraphQLObjectValue => "an object",
            GraphQLListValue => "a list",
            _ => value.Kind.ToString(),
        };

    private static void Mismatch(ValidationContext context, GraphQLValue value, string shown, TypeRef expected, string where) =>
        context.Report(DiagnosticCatalog.ArgumentTypeMismatch, value, shown, expected.ToString(), where);
}
