using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>Arguments of one field: known, given once, of the right type, and none required left out.</summary>
internal static class ArgumentValidator
{
    public static void Check(ValidationContext context, TypeDef parent, FieldDef definition, GraphQLField field)
    {
        var given = new HashSet<string>();
        var fieldName = parent.Name + "." + definition.Name;
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            var name = argument.Name.StringValue;
            var expected = definition.Arguments.FirstOrDefault(a => a.Name == name);
            if (expected is null)
            {
                context.Report(DiagnosticCatalog.UnknownArgument, argument.Name, fieldName, name);
                context.MarkUsed(argument.Value);
                continue;
            }

            if (!given.Add(name))
            {
                context.Report(DiagnosticCatalog.DuplicateArgument, argument.Name, name);
                context.MarkUsed(argument.Value);
                continue;
            }

            context.ReportDeprecated(expected.Docs, argument.Name, fieldName + "(" + name + ")");
            ValueValidator.Check(context, argument.Value, expected.Type, fieldName + "(" + name + ")", allowVariables: true);
        }

        foreach (var argument in definition.Arguments)
        {
            if (argument.Type.NonNull && !argument.HasDefault && !given.Contains(argument.Name))
            {
                context.Report(DiagnosticCatalog.MissingArgument, field.Name, fieldName, argument.Name, argument.Type.ToString());
            }
        }
    }
}
