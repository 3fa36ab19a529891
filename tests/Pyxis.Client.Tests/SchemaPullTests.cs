using GraphQLParser;
using GraphQLParser.AST;
using Pyxis.Client.SchemaPull;

namespace Pyxis.Client.Tests;

/// <summary><c>pyxis schema pull</c>: introspection of a live server printed back as SDL the generator can read.</summary>
public sealed class SchemaPullTests
{
    [Fact]
    public async Task The_pulled_schema_has_every_type_field_argument_and_enum_value_of_the_served_one()
    {
        await using var session = await EmulatorSession.StartAsync();

        var pulled = await session.Client.PullSdlAsync();

        var original = Shape(File.ReadAllText(Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "pyxis.graphql")));
        var roundTrip = Shape(pulled);
        Assert.True(original.Count > 3000, $"only {original.Count} facts in the original");
        Assert.Empty(original.Except(roundTrip));
        Assert.Empty(roundTrip.Except(original));
        var deprecations = System.Text.RegularExpressions.Regex.Matches(
            File.ReadAllText(Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "pyxis.graphql")),
            "@deprecated\\(reason: \"[^\"]*\"\\)"
        );
        Assert.NotEmpty(deprecations);
        Assert.All(deprecations, d => Assert.Contains(d.Value, pulled, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pulled_schema_keeps_every_description_and_deprecation_reason()
    {
        await using var session = await EmulatorSession.StartAsync();

        var pulled = await session.Client.PullSdlAsync();

        var original = Descriptions(File.ReadAllText(Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "pyxis.graphql")));
        var roundTrip = Descriptions(pulled);
        Assert.True(original.Count > 1000, $"only {original.Count} descriptions in the original");
        Assert.Empty(original.Except(roundTrip));
    }

    // Every description (types, fields, arguments, input fields, enum values) and deprecation reason, with its coordinate.
    private static HashSet<string> Descriptions(string sdl)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        void Add(string coordinate, GraphQLDescription? description, GraphQLDirectives? directives = null)
        {
            if (description is { } d && d.Value.Length > 0)
            {
                facts.Add(coordinate + " \"" + d.Value.ToString().Trim() + "\"");
            }

            if (directives?.Items.FirstOrDefault(x => x.Name.StringValue == "deprecated") is { } deprecated)
            {
                facts.Add(
                    coordinate
                        + " @deprecated "
                        + (deprecated.Arguments?.Items.FirstOrDefault()?.Value as GraphQLStringValue)?.Value.ToString()
                );
            }
        }

        foreach (var definition in Parser.Parse(sdl).Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    Add(o.Name.StringValue, o.Description);
                    foreach (var f in o.Fields?.Items ?? [])
                    {
                        Add($"{o.Name.StringValue}.{f.Name.StringValue}", f.Description, f.Directives);
                        foreach (var a in f.Arguments?.Items ?? [])
                        {
                            Add($"{o.Name.StringValue}.{f.Name.StringValue}({a.Name.StringValue})", a.Description, a.Directives);
                        }
                    }

                    break;
                case GraphQLInputObjectTypeDefinition i:
                    Add(i.Name.StringValue, i.Description);
                    foreach (var f in i.Fields?.Items ?? [])
                    {
                        Add($"{i.Name.StringValue}.{f.Name.StringValue}", f.Description, f.Directives);
                    }

                    break;
                case GraphQLEnumTypeDefinition e:
                    Add(e.Name.StringValue, e.Description);
                    foreach (var v in e.Values?.Items ?? [])
                    {
                        Add($"{e.Name.StringValue}.{v.Name.StringValue}", v.Description, v.Directives);
                    }

                    break;
            }
        }

        return facts;
    }

    // Every type, field (with its type), argument (with type and default) and enum value as one line each.
    private static HashSet<string> Shape(string sdl)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in Parser.Parse(sdl).Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    foreach (var f in o.Fields?.Items ?? [])
                    {
                        facts.Add($"{o.Name.StringValue}.{f.Name.StringValue}: {Print(f.Type)}");
                        foreach (var a in f.Arguments?.Items ?? [])
                        {
                            facts.Add(
                                $"{o.Name.StringValue}.{f.Name.StringValue}({a.Name.StringValue}: {Print(a.Type)} = {a.DefaultValue is not null})"
                            );
                        }
                    }

                    break;
                case GraphQLInputObjectTypeDefinition i:
                    foreach (var f in i.Fields?.Items ?? [])
                    {
                        facts.Add($"input {i.Name.StringValue}.{f.Name.StringValue}: {Print(f.Type)}");
                    }

                    break;
                case GraphQLEnumTypeDefinition e:
                    foreach (var v in e.Values?.Items ?? [])
                    {
                        facts.Add($"enum {e.Name.StringValue}.{v.Name.StringValue}");
                    }

                    break;
                case GraphQLScalarTypeDefinition s:
                    facts.Add($"scalar {s.Name.StringValue}");
                    break;
            }
        }

        return facts;
    }

    private static string Print(GraphQLType type) =>
        type switch
        {
            GraphQLNonNullType n => Print(n.Type) + "!",
            GraphQLListType l => "[" + Print(l.Type) + "]",
            GraphQLNamedType t => t.Name.StringValue,
            _ => "?",
        };
}
