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
using Pyxis.Generators.Validation.Rules;

namespace Pyxis.Generators.Validation;

/// <summary>
/// Binds every operation of one file to the schema for the model builder, running the validation rules
/// (<see cref="SpecifiedRules"/>, one file each in <c>Rules/</c>) where the walk reaches what they check.
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
        ExecutableDefinitionsRule.Check(context, document);
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
            if (KnownTypeNamesRule.Find(context, fragment.TypeCondition.Type, typeName) is not { } type)
            {
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

    /// <summary>
    /// Checks one operation built from C# (a lambda query) with the same rules, every finding at <paramref name="at"/>.
    /// It has no text to slice: its caller prints the tree it built.
    /// </summary>
    public static List<DiagnosticInfo> Check(GraphQLOperationDefinition operation, SchemaModel schema, LocationInfo at)
    {
        var text = SourceText.From(string.Empty);
        var document = new GraphQLDocument(new List<ASTNode> { operation });
        var fragments = new FragmentLibrary(at.FilePath, text, string.Empty, document, EquatableArray<FragmentFile>.Empty);
        var context = new ValidationContext(at.FilePath, text, schema, fragments) { At = at };
        Check(context, operation);
        return context.Diagnostics;
    }

    private static BoundOperation? Bind(ValidationContext context, string content, GraphQLOperationDefinition operation)
    {
        if (Check(context, operation) is not { } checkedOperation)
        {
            return null;
        }

        var (kind, root, fields) = checkedOperation;
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

    // The rules over one operation, parsed or built: its kind and root type, and its fields bound to the schema.
    private static (string Kind, TypeDef Root, List<BoundField> Fields)? Check(
        ValidationContext context,
        GraphQLOperationDefinition operation
    )
    {
        context.BeginOperation();
        context.OperationName = operation.Name?.StringValue;
        NamedOperationsRule.Check(context, operation);

        var (kind, rootName) = operation.Operation switch
        {
            OperationType.Query => ("query", context.Schema.QueryType),
            OperationType.Mutation => ("mutation", context.Schema.MutationType),
            _ => ("subscription", null),
        };
        var root = rootName is null ? null : context.Schema.Find(rootName);
        if (!KnownOperationTypesRule.Check(context, operation, kind, root))
        {
            return null;
        }

        KnownDirectivesRule.RefuseAll(context, operation.Directives);
        DeclareVariables(context, operation);
        var fields = SelectionValidator.BindSelectionSet(context, root, operation.SelectionSet, new List<string>());
        NoUnusedVariablesRule.Check(context, operation);
        return (kind, root!, fields);
    }

    private static void DeclareVariables(ValidationContext context, GraphQLOperationDefinition operation)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            var type = SchemaParser.ToTypeRef(definition.Type);
            var named = context.Schema.Find(type.NamedType);
            if (!UniqueVariableNamesRule.Check(context, definition, name))
            {
                continue;
            }

            if (named is null)
            {
                KnownTypeNamesRule.Find(context, definition.Type, type.NamedType, name);
                context.UntypedVariables.Add(name);
            }
            else if (!VariablesAreInputTypesRule.Check(context, definition, name, type, named))
            {
                context.UntypedVariables.Add(name);
            }
            else if (definition.DefaultValue is not null)
            {
                ValuesOfCorrectTypeRule.Check(context, definition.DefaultValue, type, "$" + name, allowVariables: false);
            }

            context.DeclaredVariables[name] = new BoundVariable(name, type, definition.DefaultValue is not null);
        }
    }
}
