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
        var arguments = field.Arguments?.Items ?? [];
        var missing = definition
            .Arguments.Where(a => a.Type.NonNull && !a.HasDefault && !arguments.Any(g => g.Name.StringValue == a.Name))
            .ToList();
        var unknownCount = 0;
        foreach (var argument in arguments)
        {
            var name = argument.Name.StringValue;
            var expected = definition.Arguments.FirstOrDefault(a => a.Name == name);
            if (expected is null)
            {
                // A renamed argument is usually the required one now missing: suggest it even when the spelling is far off.
                var suggestions = Suggestions.Closest(name, definition.Arguments.Select(a => a.Name));
                suggestions.AddRange(missing.Select(a => a.Name).Where(n => !suggestions.Contains(n)));
                context.Report(DiagnosticCatalog.UnknownArgument, argument.Name, fieldName, name, Suggestions.DidYouMean(suggestions));
                context.MarkUsed(argument.Value);
                unknownCount++;
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

        // One cause, one error: each unknown argument stands for one missing required argument (its likely new name).
        foreach (var argument in missing.Skip(unknownCount))
        {
            context.Report(DiagnosticCatalog.MissingArgument, field.Name, fieldName, argument.Name, argument.Type.ToString());
        }
    }
}
