using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Executable Definitions (spec 5.1.1): a type or schema definition here would be silently ignored otherwise.</summary>
internal static class ExecutableDefinitionsRule
{
    public static void Check(ValidationContext context, GraphQLDocument document)
    {
        foreach (var definition in document.Definitions.Where(d => d is not (GraphQLOperationDefinition or GraphQLFragmentDefinition)))
        {
            var name = definition is INamedNode { Name: { } n } ? n.StringValue : definition.Kind.ToString();
            context.Report(
                DiagnosticCatalog.NonExecutableDefinition,
                definition is INamedNode { Name: { } node } ? node : definition,
                name
            );
        }
    }
}
