using System.Collections.Generic;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Parsing;

/// <summary>Finds field and argument types that name no defined type, so a broken schema fails at its own line.</summary>
internal static class SchemaReferenceChecker
{
    public static IEnumerable<DiagnosticInfo> FindUndefinedTypes(
        string path,
        SourceText text,
        GraphQLDocument document,
        Dictionary<string, TypeDef> types
    )
    {
        foreach (var definition in document.Definitions)
        {
            var (owner, fields, inputs) = definition switch
            {
                GraphQLObjectTypeDefinition o => (o.Name.StringValue, o.Fields?.Items, (List<GraphQLInputValueDefinition>?)null),
                GraphQLInterfaceTypeDefinition i => (i.Name.StringValue, i.Fields?.Items, null),
                GraphQLInputObjectTypeDefinition io => (io.Name.StringValue, null, io.Fields?.Items),
                _ => (string.Empty, null, null),
            };

            foreach (var field in fields ?? [])
            {
                foreach (var problem in Check(path, text, types, owner + "." + field.Name.StringValue, field.Type))
                {
                    yield return problem;
                }

                foreach (var argument in field.Arguments?.Items ?? [])
                {
                    foreach (
                        var problem in Check(
                            path,
                            text,
                            types,
                            owner + "." + field.Name.StringValue + "(" + argument.Name.StringValue + ")",
                            argument.Type
                        )
                    )
                    {
                        yield return problem;
                    }
                }
            }

            foreach (var input in inputs ?? [])
            {
                foreach (var problem in Check(path, text, types, owner + "." + input.Name.StringValue, input.Type))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<DiagnosticInfo> Check(
        string path,
        SourceText text,
        Dictionary<string, TypeDef> types,
        string owner,
        GraphQLType type
    )
    {
        var named = type;
        while (named is not GraphQLNamedType)
        {
            named = named is GraphQLNonNullType n ? n.Type : ((GraphQLListType)named).Type;
        }

        var name = ((GraphQLNamedType)named).Name.StringValue;
        if (!types.ContainsKey(name))
        {
            yield return SchemaParser.Invalid(path, text, named, $"'{owner}' refers to undefined type '{name}'");
        }
    }
}
