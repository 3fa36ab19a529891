using GraphQLParser.AST;

namespace Pyxis.Client.SchemaCheck;

/// <summary>Fields, their arguments and the values passed to them.</summary>
internal sealed partial class OperationWalker
{
    private static readonly HashSet<string> Introspection = ["__typename", "__schema", "__type"];

    private void Field(TypeModel parent, GraphQLField field)
    {
        var name = field.Name.StringValue;
        Directives(field.Directives);
        if (Introspection.Contains(name))
        {
            return;
        }

        if (!parent.Fields.TryGetValue(name, out var definition))
        {
            Problem(field, $"{parent.Name} has no field {name}");
            return;
        }

        var coordinate = $"{parent.Name}.{name}";
        usage.Keys.Add(coordinate);
        Arguments(coordinate, definition, field);
        if (!schema.Types.TryGetValue(definition.Type.NamedType, out var type))
        {
            Problem(field, $"{coordinate} has type {definition.Type}, which the schema does not define");
            return;
        }

        usage.Keys.Add(type.Name);
        usage.Keys.Add("out:" + type.Name);
        if (type.IsLeaf && field.SelectionSet is not null)
        {
            Problem(field, $"{coordinate} is {definition.Type}, which has no fields to select");
        }
        else if (!type.IsLeaf && field.SelectionSet is null)
        {
            Problem(field, $"{coordinate} is {definition.Type}, which needs a selection of its fields");
        }
        else
        {
            Selections(type, field.SelectionSet);
        }
    }

    private void Arguments(string coordinate, FieldModel definition, GraphQLField field)
    {
        var given = field.Arguments?.Items ?? [];
        foreach (var argument in given)
        {
            var name = argument.Name.StringValue;
            if (!definition.Arguments.TryGetValue(name, out var input))
            {
                Problem(argument, $"{coordinate} has no argument {name}");
                continue;
            }

            usage.Keys.Add($"{coordinate}({name}:)");
            if (argument.Value is GraphQLVariable)
            {
                // A retyped argument breaks what a variable declares; a literal is checked against the new type instead.
                usage.Keys.Add($"{coordinate}({name}:)$");
            }

            Value(argument.Value, input.Type, input.DefaultValue is not null, $"{coordinate}({name}:)");
        }

        foreach (var required in definition.Arguments.Values.Where(a => a.IsRequired && given.All(g => g.Name.StringValue != a.Name)))
        {
            Problem(field, $"{coordinate} needs argument {required.Name} ({required.Type}), which the operation does not pass");
        }
    }

    private void Value(GraphQLValue value, GraphType expected, bool hasDefault, string where)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                VariableAt(variable, expected, hasDefault, where);
                return;
            case GraphQLNullValue:
                if (expected.IsNonNull)
                {
                    Problem(value, $"{where} is {expected} and cannot be null");
                }

                return;
        }

        var type = expected.IsNonNull ? expected.OfType! : expected;
        if (type.IsList)
        {
            foreach (var item in value is GraphQLListValue list ? list.Values ?? [] : [value])
            {
                Value(item, type.OfType!, false, where);
            }

            return;
        }

        if (schema.Types.TryGetValue(type.Name!, out var named))
        {
            Literal(value, named, where);
        }
    }

    private void Literal(GraphQLValue value, TypeModel type, string where)
    {
        if (type.Kind == "ENUM" && value is GraphQLEnumValue enumValue)
        {
            var name = enumValue.Name.StringValue;
            usage.Keys.Add($"{type.Name}.{name}");
            if (!type.EnumValues.ContainsKey(name))
            {
                Problem(value, $"{where}: enum {type.Name} has no value {name}");
            }
        }
        else if (type.Kind == "INPUT_OBJECT" && value is GraphQLObjectValue objectValue)
        {
            var fields = objectValue.Fields ?? [];
            foreach (var field in fields)
            {
                var coordinate = $"{type.Name}.{field.Name.StringValue}";
                usage.Keys.Add(coordinate);
                if (type.InputFields.TryGetValue(field.Name.StringValue, out var input))
                {
                    Value(field.Value, input.Type, input.DefaultValue is not null, coordinate);
                }
                else
                {
                    Problem(field, $"input {type.Name} has no field {field.Name.StringValue}");
                }
            }

            foreach (var missing in type.InputFields.Values.Where(f => f.IsRequired && fields.All(g => g.Name.StringValue != f.Name)))
            {
                Problem(value, $"{where}: input {type.Name} needs field {missing.Name} ({missing.Type})");
            }
        }
        else if (type.Kind is "ENUM" or "INPUT_OBJECT" || !ScalarAccepts(type.Name, value))
        {
            Problem(value, $"{where} expects {Describe(type)} {type.Name}");
        }
    }

    // Built-in scalars take their own literal kinds (an Int is a Float and an ID too); custom scalars take any.
    private static bool ScalarAccepts(string scalar, GraphQLValue value) =>
        scalar switch
        {
            "Int" => value is GraphQLIntValue,
            "Float" => value is GraphQLIntValue or GraphQLFloatValue,
            "String" => value is GraphQLStringValue,
            "ID" => value is GraphQLStringValue or GraphQLIntValue,
            "Boolean" => value is GraphQLBooleanValue,
            _ => true,
        };

    // The spec's "variables in allowed position": a nullable variable may fill a non-null place only through a default.
    private void VariableAt(GraphQLVariable variable, GraphType expected, bool hasDefault, string where)
    {
        var name = variable.Name.StringValue;
        if (!variables.TryGetValue(name, out var definition))
        {
            Problem(variable, $"${name} is not declared");
            return;
        }

        var declared = GraphType.From(definition.Type);
        var location =
            expected.IsNonNull && !declared.IsNonNull && (hasDefault || definition.DefaultValue is not null and not GraphQLNullValue)
                ? expected.OfType!
                : expected;
        if (!Fits(declared, location))
        {
            Problem(variable, $"${name} is {declared}, but {where} is now {expected}");
        }
    }

    private static bool Fits(GraphType variable, GraphType location) =>
        location.IsNonNull ? variable.IsNonNull && Fits(variable.OfType!, location.OfType!)
        : variable.IsNonNull ? Fits(variable.OfType!, location)
        : location.IsList ? variable.IsList && Fits(variable.OfType!, location.OfType!)
        : !variable.IsList && variable.Name == location.Name;

    private void Directives(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            var name = directive.Name.StringValue;
            usage.Keys.Add("@" + name);
            if (!schema.Directives.ContainsKey(name))
            {
                Problem(directive, $"the schema has no directive @{name}");
            }
        }
    }

    private static string Describe(TypeModel type) =>
        type.Kind switch
        {
            "ENUM" => "a value of enum",
            "INPUT_OBJECT" => "an object of input",
            _ => "a literal of scalar",
        };
}
