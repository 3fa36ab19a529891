using GraphQLParser.AST;

namespace Pyxis.Client.SchemaCheck;

/// <summary>
/// Validates an operation against a schema the way a server would for what a schema change can break (fields,
/// arguments, variable and argument types, enum values and input fields in literals, type conditions, directives),
/// recording what it uses. Rules a schema change cannot break (unused variables, duplicate names) are the generator's.
/// </summary>
internal sealed partial class OperationWalker(SchemaModel schema, GraphQLDocument document, string text, OperationUsage usage)
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = document
        .Definitions.OfType<GraphQLFragmentDefinition>()
        .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly HashSet<string> walkedFragments = new(StringComparer.Ordinal);
    private Dictionary<string, GraphQLVariableDefinition> variables = new(StringComparer.Ordinal);

    public void Walk()
    {
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var rootName = operation.Operation switch
            {
                OperationType.Query => schema.QueryType,
                OperationType.Mutation => schema.MutationType,
                _ => null,
            };
            if (rootName is null || !schema.Types.TryGetValue(rootName, out var root))
            {
                Problem(operation, $"the schema has no {operation.Operation.ToString().ToLowerInvariant()} type");
                continue;
            }

            variables = (operation.Variables?.Items ?? [])
                .GroupBy(v => v.Variable.Name.StringValue, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var variable in variables.Values)
            {
                Variable(variable);
            }

            Directives(operation.Directives);
            usage.Keys.Add(root.Name);
            Selections(root, operation.SelectionSet);
        }
    }

    private void Variable(GraphQLVariableDefinition variable)
    {
        var name = GraphType.From(variable.Type).NamedType;
        if (!schema.Types.TryGetValue(name, out var type))
        {
            Problem(variable, $"variable ${variable.Variable.Name.StringValue} has type {name}, which the schema does not define");
        }
        else if (!type.IsInput)
        {
            Problem(variable, $"variable ${variable.Variable.Name.StringValue} has type {name}, which is not an input type");
        }
        else
        {
            Sends(type);
        }
    }

    // A type the operation may send: every input field of it, and of theirs, may be set by the caller.
    private void Sends(TypeModel type)
    {
        if (!usage.Keys.Add("in:" + type.Name))
        {
            return;
        }

        usage.Keys.Add(type.Name);
        foreach (var field in type.InputFields.Values)
        {
            if (schema.Types.TryGetValue(field.Type.NamedType, out var fieldType))
            {
                Sends(fieldType);
            }
        }
    }

    private void Selections(TypeModel parent, GraphQLSelectionSet? selectionSet)
    {
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    Field(parent, field);
                    break;
                case GraphQLInlineFragment inline:
                    Directives(inline.Directives);
                    Fragment(parent, inline.TypeCondition?.Type.Name.StringValue ?? parent.Name, inline, inline.SelectionSet);
                    break;
                case GraphQLFragmentSpread spread:
                    Directives(spread.Directives);
                    Spread(parent, spread);
                    break;
            }
        }
    }

    private void Spread(TypeModel parent, GraphQLFragmentSpread spread)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (!fragments.TryGetValue(name, out var fragment))
        {
            Problem(spread, $"fragment {name} is not in the document");
            return;
        }

        // Each fragment's fields are walked once per parent type, which is all a usage or a validation needs.
        if (walkedFragments.Add(name + " on " + parent.Name))
        {
            Directives(fragment.Directives);
            Fragment(parent, fragment.TypeCondition.Type.Name.StringValue, fragment, fragment.SelectionSet);
        }
    }

    private void Fragment(TypeModel parent, string condition, ASTNode node, GraphQLSelectionSet selectionSet)
    {
        if (!schema.Types.TryGetValue(condition, out var type))
        {
            Problem(node, $"type condition {condition} names a type the schema does not define");
            return;
        }

        usage.Keys.Add(condition);
        usage.Keys.Add("on:" + condition);
        if (!schema.PossibleTypes(parent.Name).Intersect(schema.PossibleTypes(condition)).Any())
        {
            Problem(node, $"a fragment on {condition} can never apply to {parent.Name}");
        }

        Selections(type, selectionSet);
    }

    private void Problem(ASTNode node, string message)
    {
        var (line, column) = Position(node.Location.Start);
        usage.Problems.Add($"({line},{column}): {message}");
    }

    private (int Line, int Column) Position(int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
