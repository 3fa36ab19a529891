using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// The arguments of fields below root field number <c>root</c>: each a variable <c>&lt;argument&gt;__&lt;root&gt;_&lt;n&gt;</c>,
/// declared with the schema's type and sent with the constant the lambda gives, or, for the one call whose arguments
/// are known only at run time, written by its method in the recording run (<see cref="Hoisted"/>).
/// </summary>
internal sealed class NestedArguments(int root)
{
    public List<(string Name, TypeRef Type)> Declarations { get; } = new();

    public List<(string Name, FieldArgument Value)> Constants { get; } = new();

    /// <summary>The variables of the call whose arguments are read at run time, by argument position.</summary>
    public List<(int Ordinal, string Name)> Hoisted { get; } = new();

    private int count;

    public GraphQLArguments? Arguments(FieldDef field, Selection step)
    {
        var parts = new List<GraphQLArgument>();
        var atRunTime = step.Arguments.Any(a => a.Hoisted);
        foreach (var given in step.Arguments.Where(a => a.Ordinal < field.Arguments.Count))
        {
            var argument = field.Arguments[given.Ordinal];
            var name = $"{argument.Name}{Pyxis.Client.Batching.AliasNaming.IndexSeparator}{root}_{count++}";
            Declarations.Add((name, argument.Type));
            if (atRunTime)
            {
                Hoisted.Add((given.Ordinal, name));
            }
            else
            {
                Constants.Add((name, given));
            }

            parts.Add(new GraphQLArgument(new GraphQLName(argument.Name), new GraphQLVariable(new GraphQLName(name))));
        }

        return parts.Count == 0 ? null : new GraphQLArguments(parts);
    }
}
