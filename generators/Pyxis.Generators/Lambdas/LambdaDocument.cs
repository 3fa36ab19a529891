using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// A lambda's selection tree as the GraphQL syntax tree a <c>.graphql</c> operation parses to, built directly (never
/// printed and parsed again): the validator checks it with the same rules, and <see cref="Validation.DocumentPrinter"/>
/// prints what was checked.
/// </summary>
internal static class LambdaDocument
{
    public static GraphQLOperationDefinition Operation(
        LambdaKind kind,
        string name,
        IReadOnlyList<(string Variable, TypeRef Type)> variables,
        IReadOnlyList<GraphQLField> roots
    ) =>
        new(new GraphQLSelectionSet(roots.Cast<ASTNode>().ToList()))
        {
            Operation = kind == LambdaKind.Mutation ? OperationType.Mutation : OperationType.Query,
            Name = new GraphQLName(name),
            Variables =
                variables.Count == 0
                    ? null
                    : new GraphQLVariablesDefinition(
                        variables
                            .Select(v => new GraphQLVariableDefinition(new GraphQLVariable(new GraphQLName(v.Variable)), Type(v.Type)))
                            .ToList()
                    ),
        };

    /// <summary>A root field with the arguments the call gives, each passed as a variable (<paramref name="variables"/> parallel).</summary>
    public static GraphQLField Root(
        string? alias,
        string field,
        IReadOnlyList<InputValueDef> arguments,
        IReadOnlyList<string> variables,
        GraphQLSelectionSet selections
    ) =>
        new(new GraphQLName(field))
        {
            Alias = alias is null ? null : new GraphQLAlias(new GraphQLName(alias)),
            Arguments =
                arguments.Count == 0
                    ? null
                    : new GraphQLArguments(
                        arguments
                            .Select(
                                (a, i) => new GraphQLArgument(new GraphQLName(a.Name), new GraphQLVariable(new GraphQLName(variables[i])))
                            )
                            .ToList()
                    ),
            SelectionSet = selections,
        };

    // A selected object with nothing read below it, or used whole, brings its scalar fields, so the selector can use it
    // as a value; a union or interface always brings __typename (its reader picks the class by it), and a narrowing to
    // a type becomes an inline fragment.
    public static GraphQLSelectionSet Selection(
        SchemaModel schema,
        TypeDef type,
        EquatableArray<Selection> selections,
        NestedArguments nested
    )
    {
        var selected = new SelectedFields(schema, type, selections);
        var parts = selected.Steps.Select(s => Part(schema, type, s, nested)).Concat(selected.Scalars.Select(Leaf)).ToList();
        // A selector that reads nothing of its root field's result (r => 1, r => Summary(null)) still asks for it.
        if (
            (type.IsAbstract || parts.Count == 0)
            && !parts.Any(p => p is GraphQLField { Alias: null } f && f.Name.StringValue == "__typename")
        )
        {
            parts.Insert(0, Leaf("__typename"));
        }

        return new GraphQLSelectionSet(parts);
    }

    private static ASTNode Part(SchemaModel schema, TypeDef type, Selection step, NestedArguments nested)
    {
        if (step.Kind == SelectionKind.OnType && schema.Find(step.Name) is { } condition)
        {
            return new GraphQLInlineFragment(Selection(schema, condition, step.Children, nested))
            {
                TypeCondition = new GraphQLTypeCondition(new GraphQLNamedType(new GraphQLName(condition.Name))),
            };
        }

        var field = Leaf(step.Name);
        if (type.FindField(step.Name) is not { } definition || schema.Find(definition.Type.NamedType) is not { IsLeaf: false } child)
        {
            return field;
        }

        // A field given arguments is aliased, so the same field with other arguments can sit beside it.
        if (step.Alias is { } alias)
        {
            field.Alias = new GraphQLAlias(new GraphQLName(alias));
            field.Arguments = nested.Arguments(definition, step);
        }

        field.SelectionSet = Selection(schema, child, step.Children, nested);
        return field;
    }

    private static GraphQLField Leaf(string name) => new(new GraphQLName(name));

    private static GraphQLType Type(TypeRef type)
    {
        var inner = type.Item is { } item ? (GraphQLType)new GraphQLListType(Type(item)) : new GraphQLNamedType(new GraphQLName(type.Name));
        return type.NonNull ? new GraphQLNonNullType(inner) : inner;
    }
}
