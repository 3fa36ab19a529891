using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Utilities;
using GraphQLParser.AST;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Emulator.Schema;

/// <summary>Builds an executable GraphQL.NET schema from the real Pyxis SDL, resolving fields over catalog dictionaries.</summary>
internal static class PyxisSchemaFactory
{
    /// <summary>The schema's metadata key under which the SDL it was built from is kept (for <c>_service { sdl }</c>).</summary>
    public const string SdlKey = "pyxis.sdl";

    public static string LoadSdl()
    {
        using var stream = typeof(PyxisSchemaFactory).Assembly.GetManifestResourceStream("pyxis.graphql")
            ?? throw new InvalidOperationException("The Pyxis schema is not embedded in the emulator assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static GraphQL.Types.Schema Create(string sdl)
    {
        var document = GraphQLParser.Parser.Parse(sdl);
        GraphQL.Types.Schema? built = null;
        var schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            // Unions and interfaces (the 2025 schema's federation _Entity) resolve from the record's __typename.
            foreach (
                var name in document
                    .Definitions.OfType<GraphQLUnionTypeDefinition>()
                    .Select(u => u.Name.StringValue)
                    .Concat(document.Definitions.OfType<GraphQLInterfaceTypeDefinition>().Select(i => i.Name.StringValue))
            )
            {
                builder.Types.For(name).ResolveType = source =>
                    source is IDictionary<string, object?> record
                    && record.Get("__typename") is string typeName
                    && built!.AllTypes[typeName] is GraphQL.Types.IObjectGraphType type
                        ? type
                        : throw new InvalidOperationException($"The emulator's record for {name} names no object type in __typename.");
            }

            // Schema-first resolvers read CLR properties; our records are dictionaries, so every field reads its key.
            foreach (var type in document.Definitions.OfType<GraphQLObjectTypeDefinition>())
            {
                var config = builder.Types.For(type.Name.StringValue);
                foreach (var field in type.Fields?.Items ?? [])
                {
                    config.FieldFor(field.Name.StringValue).Resolver = new DictionaryFieldResolver(field.Name.StringValue);
                }
            }

            List<string> FieldsOf(string root) =>
                document
                    .Definitions.OfType<GraphQLObjectTypeDefinition>()
                    .Where(t => t.Name.StringValue == root)
                    .SelectMany(t => t.Fields?.Items ?? [])
                    .Select(f => f.Name.StringValue)
                    .ToList();
            RootResolvers.Configure(builder.Types.For("Query"), FieldsOf("Query"));
            if (FieldsOf("Mutation") is { Count: > 0 } mutationFields)
            {
                MutationResolvers.Configure(builder.Types.For("Mutation"), mutationFields);
            }
        });

        foreach (var scalar in document.Definitions.OfType<GraphQLScalarTypeDefinition>())
        {
            schema.RegisterType(new PassThroughScalar(scalar.Name.StringValue) { Description = scalar.Description?.Value.ToString() });
        }

        // Pyxis reports its server-side directives (@mongodb_get_one, @key…) in introspection; GraphQL.NET hides
        // directives without a client location unless told, and then a pulled schema would lack them.
        schema.Filter = new EveryDirectiveFilter();
        schema.Metadata[SdlKey] = sdl;
        built = schema;
        schema.Initialize();
        return schema;
    }

    private sealed class EveryDirectiveFilter : GraphQL.Introspection.DefaultSchemaFilter
    {
        public override Task<bool> AllowDirective(GraphQL.Types.Directive directive) => Allowed;
    }

    private sealed class DictionaryFieldResolver(string name) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
            new(context.Source is IDictionary<string, object?> record ? record.Get(name) : null);
    }
}
