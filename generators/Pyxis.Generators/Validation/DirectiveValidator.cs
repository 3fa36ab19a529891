using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>
/// <c>@include(if:)</c> and <c>@skip(if:)</c> on fields are supported: they only make a field optional,
/// which a nullable property expresses. Any other directive would change the result's shape unseen.
/// </summary>
internal static class DirectiveValidator
{
    private static readonly TypeRef NonNullBoolean = TypeRef.Named("Boolean", nonNull: true);

    /// <summary>Checks a field's directives; true when the field is conditional.</summary>
    public static bool CheckField(ValidationContext context, GraphQLDirectives? directives)
    {
        var conditional = false;
        foreach (var directive in directives?.Items ?? [])
        {
            var name = directive.Name.StringValue;
            if (name is not ("include" or "skip"))
            {
                context.Report(DiagnosticCatalog.UnsupportedDirective, directive, name);
                continue;
            }

            conditional = true;
            var arguments = directive.Arguments?.Items ?? [];
            foreach (var unknown in arguments.Where(a => a.Name.StringValue != "if"))
            {
                context.Report(DiagnosticCatalog.UnknownArgument, unknown.Name, "@" + name, unknown.Name.StringValue);
            }

            var condition = arguments.FirstOrDefault(a => a.Name.StringValue == "if");
            if (condition is null)
            {
                context.Report(DiagnosticCatalog.MissingArgument, directive, "@" + name, "if", "Boolean!");
            }
            else
            {
                ValueValidator.Check(context, condition.Value, NonNullBoolean, "@" + name + "(if)", allowVariables: true);
            }
        }

        return conditional;
    }
}
