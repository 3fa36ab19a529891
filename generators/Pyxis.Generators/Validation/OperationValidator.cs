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
        string path, SourceText text, string content, GraphQLDocument document, SchemaModel schema, EquatableArray<FragmentFile> fragmentPool)
    {
        var context = new ValidationContext(path, text, schema, new FragmentLibrary(path, text, content, document, fragmentPool));
        var operations = new List<BoundOperation>();
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var errorsBefore = context.ErrorCount;
            var bound = Bind(context, content, operation);
            if (bound is not null && context.ErrorCount == errorsBefore)
            {
                operations.Add(bound);
            }
        }

        return (operations, context.Diagnostics);
    }

    private static BoundOperation? Bind(ValidationContext context, string content, GraphQLOperationDefinition operation)
    {
        context.BeginOperation();
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
        var bound = new BoundOperation(name, kind, root, BuildDocument(context, content, operation));
        bound.Variables.AddRange(context.DeclaredVariables.Values);
        bound.Fields.AddRange(fields);
        return bound;
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
                context.Report(DiagnosticCatalog.UnknownType, definition.Type, type.NamedType);
            }
            else if (!named.IsInput)
            {
                context.Report(DiagnosticCatalog.NotInputType, definition.Type, name, type.ToString());
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

    // The wire document is the operation's own text plus the fragments it uses, so what is sent is what was checked.
    private static string BuildDocument(ValidationContext context, string content, GraphQLOperationDefinition operation)
    {
        var document = new StringBuilder(Slice(content, operation, operation.SelectionSet));
        foreach (var fragment in context.UsedFragments)
        {
            document.Append('\n').Append(Slice(fragment.Content, fragment.Definition, fragment.Definition.SelectionSet));
        }

        return document.ToString();
    }

    // A definition ends at the brace closing its selection set. GraphQL-Parser's own End runs over a
    // following comment (even past the end of the text), so the brace is found with its lexer.
    private static string Slice(string content, ASTNode definition, GraphQLSelectionSet selectionSet)
    {
        var start = Math.Min(definition.Location.Start, content.Length);
        var end = EndOfBlock(content, selectionSet.Location.Start);
        return content.Substring(start, Math.Max(end - start, 0)).Replace("\r\n", "\n");
    }

    private static int EndOfBlock(string content, int openingBrace)
    {
        var depth = 0;
        for (var position = openingBrace; position < content.Length;)
        {
            var token = Lexer.Lex(content, position);
            if (token.Kind == TokenKind.EOF)
            {
                break;
            }

            depth += token.Kind == TokenKind.BRACE_L ? 1 : token.Kind == TokenKind.BRACE_R ? -1 : 0;
            if (depth == 0 && token.Kind == TokenKind.BRACE_R)
            {
                return token.End;
            }

            position = token.End;
        }

        return content.Length;
    }
}
