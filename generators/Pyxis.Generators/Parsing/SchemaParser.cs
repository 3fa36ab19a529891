using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Parsing;

/// <summary>Reads SDL into a <see cref="SchemaModel"/>. Directives are server-side details and are ignored.</summary>
internal static class SchemaParser
{
    public static SchemaModel Parse(string path, SourceText text)
    {
        var content = text.ToString();
        var document = GraphQLDocumentParser.Parse(path, text, content, out var syntaxError);
        if (document is null)
        {
            return new SchemaModel(path, content, new(), null, null, new[] { syntaxError! }.ToEquatableArray());
        }

        var diagnostics = new List<DiagnosticInfo>();
        var types = SchemaParser.BuiltIns();
        string? query = null,
            mutation = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLSchemaDefinition schema)
            {
                foreach (var root in schema.OperationTypes)
                {
                    if (root.Operation == OperationType.Query)
                        query = root.Type!.Name.StringValue;
                    if (root.Operation == OperationType.Mutation)
                        mutation = root.Type!.Name.StringValue;
                }

                continue;
            }

            var type = ToTypeDef(definition);
            if (type is null)
            {
                continue;
            }

            if (types.ContainsKey(type.Name))
            {
                diagnostics.Add(Invalid(path, text, definition, $"type '{type.Name}' is defined more than once"));
                continue;
            }

            types[type.Name] = type;
        }

        Introspection.AddTo(types);
        LinkAbstractTypes(types);
        query ??= types.ContainsKey("Query") ? "Query" : null;
        mutation ??= types.ContainsKey("Mutation") ? "Mutation" : null;
        if (query is null)
        {
            diagnostics.Add(
                new DiagnosticInfo(
                    DiagnosticCatalog.InvalidSchema.Id,
                    LocationInfo.From(path, text, 0, 0),
                    new[] { "it defines no Query type" }.ToEquatableArray()
                )
            );
        }

        diagnostics.AddRange(SchemaReferenceChecker.FindUndefinedTypes(path, text, document, types));
        return new SchemaModel(path, content, types, query, mutation, diagnostics.ToEquatableArray());
    }

    // Interfaces learn their implementations from the objects that name them, so fragments can be checked both ways.
    private static void LinkAbstractTypes(Dictionary<string, TypeDef> types)
    {
        var implementations = types
            .Values.Where(t => t.Kind == TypeKind.Object)
            .SelectMany(t => t.Related.Select(i => (Interface: i, Object: t.Name)))
            .ToLookup(p => p.Interface, p => p.Object);
        foreach (var type in types.Values.Where(t => t.Kind == TypeKind.Interface).ToList())
        {
            types[type.Name] = type with
            {
                Related = implementations[type.Name].OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(),
            };
        }
    }

    internal static DiagnosticInfo Invalid(string path, SourceText text, ASTNode node, string message) =>
        new(DiagnosticCatalog.InvalidSchema.Id, GraphQLDocumentParser.Locate(path, text, node), new[] { message }.ToEquatableArray());

    private static Dictionary<string, TypeDef> BuiltIns() => SchemaModel.BuiltInScalars.ToDictionary(n => n, n => Scalar(n));

    private static TypeDef Scalar(string name) =>
        new(name, TypeKind.Scalar, EquatableArray<FieldDef>.Empty, EquatableArray<InputValueDef>.Empty, EquatableArray<string>.Empty);

    internal static TypeDef? ToTypeDef(ASTNode definition)
    {
        var type = ToTypeDefCore(definition);
        return type is not null && definition is IHasDescriptionNode described
            ? type with
            {
                Docs = new SchemaDocs(Describe(described), null),
            }
            : type;
    }

    private static TypeDef? ToTypeDefCore(ASTNode definition) =>
        definition switch
        {
            GraphQLScalarTypeDefinition s => Scalar(s.Name.StringValue),
            GraphQLObjectTypeDefinition o => WithFields(o.Name, TypeKind.Object, o.Fields) with
            {
                Related = (o.Interfaces?.Items ?? []).Select(i => i.Name.StringValue).ToEquatableArray(),
            },
            GraphQLInterfaceTypeDefinition i => WithFields(i.Name, TypeKind.Interface, i.Fields),
            GraphQLUnionTypeDefinition u => WithFields(u.Name, TypeKind.Union, null) with
            {
                Related = (u.Types?.Items ?? []).Select(t => t.Name.StringValue).ToEquatableArray(),
            },
            GraphQLInputObjectTypeDefinition io => new TypeDef(
                io.Name.StringValue,
                TypeKind.InputObject,
                EquatableArray<FieldDef>.Empty,
                (io.Fields?.Items ?? []).Select(ToInputValue).ToEquatableArray(),
                EquatableArray<string>.Empty
            ),
            GraphQLEnumTypeDefinition e => new TypeDef(
                e.Name.StringValue,
                TypeKind.Enum,
                EquatableArray<FieldDef>.Empty,
                EquatableArray<InputValueDef>.Empty,
                (e.Values?.Items ?? []).Select(v => v.Name.StringValue).ToEquatableArray()
            )
            {
                EnumValueDocs = (e.Values?.Items ?? []).Select(v => Docs(v, v.Directives)).ToEquatableArray(),
            },
            _ => null,
        };

    private static TypeDef WithFields(GraphQLName name, TypeKind kind, GraphQLFieldsDefinition? fields) =>
        new(
            name.StringValue,
            kind,
            (fields?.Items ?? [])
                .Select(f => new FieldDef(
                    f.Name.StringValue,
                    ToTypeRef(f.Type),
                    (f.Arguments?.Items ?? []).Select(ToInputValue).ToEquatableArray()
                )
                {
                    Docs = Docs(f, f.Directives),
                })
                .ToEquatableArray(),
            EquatableArray<InputValueDef>.Empty,
            EquatableArray<string>.Empty
        );

    private static InputValueDef ToInputValue(GraphQLInputValueDefinition value) =>
        new(value.Name.StringValue, ToTypeRef(value.Type), value.DefaultValue is not null) { Docs = Docs(value, value.Directives) };

    // Descriptions become XML docs and @deprecated(reason:) becomes [Obsolete]: the schema's words reach the user.
    private static SchemaDocs Docs(IHasDescriptionNode node, GraphQLDirectives? directives)
    {
        var description = Describe(node);
        var deprecated = directives?.Items.FirstOrDefault(d => d.Name.StringValue == "deprecated");
        string? reason = null;
        if (deprecated is not null)
        {
            reason = deprecated.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "reason")?.Value is GraphQLStringValue text
                ? text.Value.ToString()
                : "No longer supported";
        }

        return description is null && reason is null ? SchemaDocs.None : new SchemaDocs(description, reason);
    }

    private static string? Describe(IHasDescriptionNode node) =>
        node.Description is { } description && description.Value.Length > 0 ? description.Value.ToString().Trim() : null;

    public static TypeRef ToTypeRef(GraphQLType type) =>
        type switch
        {
            GraphQLNonNullType nonNull => ToTypeRef(nonNull.Type) with { NonNull = true },
            GraphQLListType list => TypeRef.List(ToTypeRef(list.Type)),
            GraphQLNamedType named => TypeRef.Named(named.Name.StringValue),
            _ => TypeRef.Named(type.ToString()),
        };
}
