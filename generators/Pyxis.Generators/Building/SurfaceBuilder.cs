using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Building;

/// <summary>
/// The schema as lambda queries select it: a data class per object type and a method per Query root field. Union
/// and interface fields are left out of this first surface (use a .graphql operation for them).
/// </summary>
internal static class SurfaceBuilder
{
    public const string NamespaceSuffix = ".Schema";

    public static SurfaceSpec Build(SchemaModel schema, GeneratorOptions options)
    {
        if (options.SchemaTypes != SchemaTypesMode.All || schema.QueryType is null)
        {
            return SurfaceSpec.Empty;
        }

        var objects = schema.Types.Where(t => t.Kind == TypeKind.Object && t.Name != schema.QueryType && t.Name != schema.MutationType && !t.Name.StartsWith("__", System.StringComparison.Ordinal)).ToList();
        return new SurfaceSpec(
            options.TypesNamespace + NamespaceSuffix,
            options.TypesNamespace,
            objects.Select(t => Type(schema, t)).ToEquatableArray(),
            Roots(schema, schema.QueryType))
        {
            MutationRoots = schema.MutationType is { } mutation ? Roots(schema, mutation) : EquatableArray<SurfaceRootSpec>.Empty,
        };
    }

    private static EquatableArray<SurfaceRootSpec> Roots(SchemaModel schema, string rootType) =>
        schema.Find(rootType)!.Fields.Where(f => IsSelectable(schema, f) && !f.Type.IsList).Select(f => Root(schema, f)).ToEquatableArray();

    private static bool IsSelectable(SchemaModel schema, FieldDef field) => schema.Find(field.Type.NamedType) is { } type && !type.IsAbstract && !field.Name.StartsWith("_", System.StringComparison.Ordinal);

    private static SurfaceTypeSpec Type(SchemaModel schema, TypeDef type)
    {
        var name = Names.Type(type.Name);
        var taken = new HashSet<string> { name, "Equals", "GetHashCode", "ToString", "GetType" };
        var properties = type.Fields
            .Where(f => IsSelectable(schema, f) || schema.Find(f.Type.NamedType) is { IsLeaf: true })
            .Select(f => new PropertySpec(Names.Unique(Names.Pascal(f.Name), taken), f.Name, f.Name, ValueTypes.Output(schema, f.Type, Names.Type(f.Type.NamedType)) with { Nullable = true }) { Docs = f.Docs });
        return new SurfaceTypeSpec(name, type.Name, properties.ToEquatableArray()) { Description = type.Docs.Description };
    }

    private static SurfaceRootSpec Root(SchemaModel schema, FieldDef field)
    {
        var taken = new HashSet<string> { "select" };
        var arguments = field.Arguments.Select(a => new VariableSpec(a.Name, Names.Unique(Names.Camel(a.Name), taken), ValueTypes.Input(schema, a.Type), a.HasDefault) { Description = a.Docs.Description });
        return new SurfaceRootSpec(Names.Pascal(field.Name), field.Name, Names.Type(field.Type.NamedType), arguments.ToEquatableArray()) { Docs = field.Docs };
    }
}
