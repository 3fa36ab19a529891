using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace Pyxis.Client.SchemaCheck;

/// <summary>What the schema check compares: each type's kind and members, read from SDL with GraphQL-Parser.</summary>
internal sealed class SchemaModel
{
    private static readonly string[] BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];
    private static readonly SDLPrinter Printer = new();
    private static readonly string[] ClientDirectives = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];

    private SchemaModel(Dictionary<string, TypeModel> types, Dictionary<string, DirectiveModel> directives, string query, string? mutation)
    {
        Types = types;
        Directives = directives;
        QueryType = query;
        MutationType = mutation;
    }

    public Dictionary<string, TypeModel> Types { get; }

    public Dictionary<string, DirectiveModel> Directives { get; }

    public string QueryType { get; }

    public string? MutationType { get; }

    /// <summary>Reads SDL; a schema that does not parse, or has no Query type, is a <see cref="PyxisSchemaCheckException"/> naming <paramref name="source"/>.</summary>
    public static SchemaModel Parse(string sdl, string source)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(sdl);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            throw new PyxisSchemaCheckException($"The {source} is not valid SDL: {ex.Message}", ex);
        }

        var types = BuiltInScalars.ToDictionary(n => n, n => new TypeModel(n, "SCALAR"), StringComparer.Ordinal);
        var directives = ClientDirectives.ToDictionary(n => n, n => new DirectiveModel(n, [], []), StringComparer.Ordinal);
        string? query = null,
            mutation = null;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schema:
                    query = schema.OperationTypes.FirstOrDefault(o => o.Operation == OperationType.Query)?.Type?.Name.StringValue;
                    mutation = schema.OperationTypes.FirstOrDefault(o => o.Operation == OperationType.Mutation)?.Type?.Name.StringValue;
                    break;
                case GraphQLDirectiveDefinition d:
                    directives[d.Name.StringValue] = new DirectiveModel(
                        d.Name.StringValue,
                        Inputs(d.Arguments?.Items),
                        d.Locations.Items.Select(l => l.ToString()).ToList()
                    );
                    break;
                case GraphQLTypeDefinition t when TypeModel.From(t) is { } type:
                    types[type.Name] = type;
                    break;
            }
        }

        query ??= types.ContainsKey("Query") ? "Query" : throw new PyxisSchemaCheckException($"The {source} defines no Query type.");
        mutation ??= types.ContainsKey("Mutation") ? "Mutation" : null;
        return new SchemaModel(types, directives, query, mutation);
    }

    /// <summary>The object types a fragment on <paramref name="name"/> can apply to.</summary>
    public IEnumerable<string> PossibleTypes(string name) =>
        Types.TryGetValue(name, out var type)
            ? type.Kind switch
            {
                "OBJECT" => [name],
                "UNION" => type.Members,
                "INTERFACE" => Types.Values.Where(t => t.Interfaces.Contains(name)).Select(t => t.Name),
                _ => [],
            }
            : [];

    internal static Dictionary<string, InputModel> Inputs(IEnumerable<GraphQLInputValueDefinition>? values) =>
        ByName(
            values ?? [],
            v => v.Name.StringValue,
            v => new InputModel(
                v.Name.StringValue,
                GraphType.From(v.Type),
                v.DefaultValue is { } value ? Printer.Print(value) : null,
                Deprecation(v.Directives)
            )
        );

    // A name given twice (invalid SDL) keeps its first definition instead of failing the whole check.
    internal static Dictionary<string, TValue> ByName<TSource, TValue>(
        IEnumerable<TSource> items,
        Func<TSource, string> name,
        Func<TSource, TValue> value
    )
    {
        var byName = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byName.TryAdd(name(item), value(item));
        }

        return byName;
    }

    internal static string? Deprecation(GraphQLDirectives? directives) =>
        directives?.Items.FirstOrDefault(d => d.Name.StringValue == "deprecated") is not { } deprecated ? null
        : deprecated.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "reason")?.Value is GraphQLStringValue reason
            ? reason.Value.ToString()
        : "No longer supported";
}

/// <summary>A directive definition: its arguments and where it may be used.</summary>
internal sealed record DirectiveModel(string Name, Dictionary<string, InputModel> Arguments, List<string> Locations);

/// <summary>An argument or input field.</summary>
internal sealed record InputModel(string Name, GraphType Type, string? DefaultValue, string? DeprecationReason)
{
    public bool IsRequired => Type.IsNonNull && DefaultValue is null;
}

/// <summary>An object or interface field.</summary>
internal sealed record FieldModel(string Name, GraphType Type, Dictionary<string, InputModel> Arguments, string? DeprecationReason);
