using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;

namespace Pyxis.Generators.Validation;

/// <summary>
/// Checks every operation of one file against the schema, following the GraphQL spec's validation
/// rules that matter for a typed client, and binds the valid ones for the model builder.
/// </summary>
internal static class OperationValidator
{
    public static (List<BoundOperation> Operations, List<DiagnosticInfo> Diagnostics) Validate(
        string path,
        SourceText text,
        string content,
        GraphQLDocument document,
        SchemaModel schema,
        EquatableArray<FragmentFile> fragmentPool
    )
    {
        var context = new ValidationContext(path, text, schema, new FragmentLibrary(path, text, content, document, fragmentPool));
        var operations = new List<BoundOperation>();
        ReportNonExecutable(context, document);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            // An operation with errors still gives the C# surface of what validated (one cause, one error): C# then
            // fails only where it reads what is gone, not at every call of the operation.
            var errorsBefore = context.ErrorCount;
            var bound = Bind(context, content, operation);
            if (bound is not null && operation.Name is not null)
            {
                bound.HasErrors = context.ErrorCount > errorsBefore;
                operations.Add(bound);
            }
        }

        CheckFragmentsAlone(context, document);
        return (operations, context.Diagnostics);
    }

    // Each fragment is checked once in its own file, against its own type, whether or not anything spreads it.
    private static void CheckFragmentsAlone(ValidationContext context, GraphQLDocument document)
    {
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            context.BeginOperation();
            context.FragmentAlone = true;
            var typeName = fragment.TypeCondition.Type.Name.StringValue;
            if (context.Schema.Find(typeName) is not { } type)
            {
                context.Report(
                    DiagnosticCatalog.UnknownType,
                    fragment.TypeCondition.Type,
                    typeName,
                    TypeSuggestions.Composite(context.Schema, typeName)
                );
                continue;
            }

            SelectionValidator.BindSelectionSet(
                context,
                type,
                fragment.SelectionSet,
                new List<string> { fragment.FragmentName.Name.StringValue }
            );
        }
    }

    private static BoundOperation? Bind(ValidationContext context, string content, GraphQLOperationDefinition operation)
    {
        context.BeginOperation();
        context.OperationName = operation.Name?.StringValue;
        if (operation.Name is null)
        {
            context.Report(DiagnosticCatalog.UnnamedOperation, operation.SelectionSet);
        }

        var (kind, rootName) = operation.Operation switch
        {
            OperationType.Query => ("query", context.Schema.QueryType),
            OperationType.Mutation => ("mutation", context.Schema.MutationType),
            _ => ("subscription", null),
        };
        var root = rootName is null ? null : context.Schema.Find(rootName);
        if (root is null)
        {
            context.Report(DiagnosticCatalog.UnsupportedOperation, (ASTNode?)operation.Name ?? operation.SelectionSet, kind);
            return null;
        }

        SelectionValidator.ReportDirectives(context, operation.Directives);
        DeclareVariables(context, operation);
        var fields = SelectionValidator.BindSelectionSet(context, root, operation.SelectionSet, new List<string>());
        ReportUnusedVariables(context, operation);
        var name = operation.Name?.StringValue ?? "Unnamed";
        var fragments = DocumentText.Fragments(context);
        var insertions = DocumentText.InsertionsIn(context, context.Path);
        var bound = new BoundOperation(name, kind, root, DocumentText.Build(content, operation, fragments, insertions))
        {
            Alias = kind == "query" ? DocumentText.AliasTemplate(content, operation, fragments, insertions) : null,
        };
        bound.Variables.AddRange(context.DeclaredVariables.Values.Where(v => !context.UntypedVariables.Contains(v.Name)));
        bound.Fields.AddRange(fields);
        return bound;
    }

    // Executable Definitions: a type or schema definition here would be silently ignored otherwise.
    private static void ReportNonExecutable(ValidationContext context, GraphQLDocument document)
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

    private static void DeclareVariables(ValidationContext context, GraphQLOperationDefinition operation)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            var type = SchemaParser.ToTypeRef(definition.Type);
            var named = context.Schema.Find(type.NamedType);
            if (context.DeclaredVariables.ContainsKey(name))
            {
                context.Report(DiagnosticCatalog.DuplicateVariable, definition.Variable, name);
                continue;
            }

            if (named is null)
            {
                context.Report(
                    DiagnosticCatalog.UnknownType,
                    definition.Type,
                    type.NamedType,
                    TypeSuggestions.ForVariable(context.Schema, type.NamedType, name)
                );
                context.UntypedVariables.Add(name);
            }
            else if (!named.IsInput)
            {
                context.Report(DiagnosticCatalog.NotInputType, definition.Type, name, type.ToString());
                context.UntypedVariables.Add(name);
            }
            else if (definition.DefaultValue is not null)
            {
                ValueValidator.Check(context, definition.DefaultValue, type, "$" + name, allowVariables: false);
            }

            context.DeclaredVariables[name] = new BoundVariable(name, type, definition.DefaultValue is not null);
        }
    }

    private static void ReportUnusedVariables(ValidationContext context, GraphQLOperationDefinition operation)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            if (!context.UsedVariables.Contains(name))
            {
                context.Report(DiagnosticCatalog.UnusedVariable, definition.Variable, name, operation.Name?.StringValue ?? "(unnamed)");
            }
        }
    }
}
