using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Pyxis.Client.SchemaPull;

namespace Pyxis.Client.Tests;

/// <summary><c>pyxis schema pull</c>: introspection of a live server printed back as SDL the generator can read.</summary>
public sealed class SchemaPullTests
{
    [Fact]
    public async Task A_pull_from_the_emulator_gives_the_bundled_file_back_up_to_the_order_of_its_definitions()
    {
        await using var session = await EmulatorSession.StartAsync();

        var pulled = await session.Client.PullSdlAsync();

        var bundled = File.ReadAllText(Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "pyxis.graphql"));
        Assert.Equal(
            75,
            Definitions(bundled)
                .Count(d => d.StartsWith("directive @", StringComparison.Ordinal) || d.Contains("\ndirective @", StringComparison.Ordinal))
        );
        // 16 custom scalars, 14 of them described (_Any and _FieldSet are not).
        Assert.Equal(
            16,
            Definitions(bundled)
                .Count(d => d.StartsWith("scalar ", StringComparison.Ordinal) || d.Contains("\nscalar ", StringComparison.Ordinal))
        );
        Assert.Equal(
            14,
            Definitions(bundled)
                .Count(d => d.StartsWith("\"\"\"", StringComparison.Ordinal) && d.Contains("\nscalar ", StringComparison.Ordinal))
        );
        // The server decides the order of types and directives (GraphQL.NET's is not the file's); the text of each is the same.
        Assert.Equal(Definitions(bundled).Order(StringComparer.Ordinal), Definitions(pulled).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_introspection_answer_without_a_schema_fails_naming_it_with_the_answers_trace_id()
    {
        await using var server = await Hostile.HostileServer.StartAsync(
            async (http, number) =>
            {
                http.Response.ContentType = "application/json";
                http.Response.Headers["trace_id"] = "pull-" + number;
                await http.Response.WriteAsync("{\"data\":{\"__type\":null}}");
            }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var thrown = await Assert.ThrowsAsync<PyxisResponseException>(() => client.PullSdlAsync());

        Assert.Contains("no __schema object", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(("pull-1", 200), (thrown.TraceId, thrown.HttpStatus));
    }

    [Fact]
    public async Task The_emulator_serves_an_edited_schema_when_given_one()
    {
        var bundled = File.ReadAllText(Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "pyxis.graphql"));
        var edited = bundled.Replace("  auto_rebuild_tags: [String]\n", "  auto_rebuild_tag_list: [String]\n", StringComparison.Ordinal);
        Assert.NotEqual(bundled, edited);
        await using var session = await EmulatorSession.StartAsync(new Pyxis.Emulator.EmulatorOptions { Schema = edited });

        var pulled = await session.Client.PullSdlAsync();

        Assert.Equal(Definitions(edited).Order(StringComparer.Ordinal), Definitions(pulled).Order(StringComparer.Ordinal));
        // The curated repository fragment selects the field the edit removed: the edited schema is the one that executes.
        var (registry, repository) = session.Paths(1)[0];
        var refused = await Assert.ThrowsAsync<PyxisGraphQLException>(() =>
            session.Client.GetRepositoryByRegistryPathAsync(registry, repository)
        );
        Assert.Contains("auto_rebuild_tags", refused.Message, StringComparison.Ordinal);
    }

    // Top-level definitions, each with its description: a blank line outside block strings, braces and parentheses ends one.
    private static List<string> Definitions(string sdl)
    {
        var definitions = new List<string>();
        var current = new System.Text.StringBuilder();
        var (inString, depth) = (false, 0);
        foreach (var line in sdl.Trim().Split('\n'))
        {
            if (line.Length == 0 && !inString && depth == 0)
            {
                definitions.Add(current.ToString().TrimEnd('\n'));
                current.Clear();
                continue;
            }

            current.Append(line).Append('\n');
            var parts = line.Replace("\\\"\"\"", string.Empty, StringComparison.Ordinal).Split("\"\"\"");
            for (var i = 0; i < parts.Length; i++)
            {
                if (!inString)
                {
                    depth += parts[i].Count(c => c is '{' or '(') - parts[i].Count(c => c is '}' or ')');
                }

                inString = i < parts.Length - 1 ? !inString : inString;
            }
        }

        definitions.Add(current.ToString().TrimEnd('\n'));
        return definitions;
    }

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
