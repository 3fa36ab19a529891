using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation.Rules;

namespace Pyxis.Generators.Validation;

/// <summary>Runs the argument rules over one field's arguments: known, given once, of the right type, none required left out.</summary>
internal static class ArgumentValidator
{
    public static void Check(ValidationContext context, TypeDef parent, FieldDef definition, GraphQLField field)
    {
        var given = new HashSet<string>();
        var fieldName = parent.Name + "." + definition.Name;
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            var name = argument.Name.StringValue;
            if (KnownArgumentNamesRule.Find(context, definition, fieldName, argument) is not { } expected)
            {
                continue;
            }

            if (!UniqueArgumentNamesRule.Check(context, argument, given))
            {
                continue;
            }

            context.ReportDeprecated(expected.Docs, argument.Name, fieldName + "(" + name + ")");
            ValuesOfCorrectTypeRule.Check(context, argument.Value, expected.Type, fieldName + "(" + name + ")", allowVariables: true);
        }

        ProvidedRequiredArgumentsRule.Check(context, field, definition, fieldName, given);
    }
}
