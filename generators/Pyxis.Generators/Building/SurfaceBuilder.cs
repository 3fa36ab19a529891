using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Building;

/// <summary>
/// The schema as lambda queries select it: a data class per object type, a value per union or interface (its
/// <c>__typename</c> and <c>On&lt;T&gt;()</c>), and a method per root field.
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

        var objects = schema
            .Types.Where(t =>
                t.Kind == TypeKind.Object
                && t.Name != schema.QueryType
                && t.Name != schema.MutationType
                && !t.Name.StartsWith("__", System.StringComparison.Ordinal)
            )
            .ToList();
        return new SurfaceSpec(
            options.TypesNamespace + NamespaceSuffix,
            options.TypesNamespace,
            objects.Select(t => Type(schema, t)).ToEquatableArray(),
            Roots(schema, schema.QueryType)
        )
        {
            MutationRoots = schema.MutationType is { } mutation ? Roots(schema, mutation) : EquatableArray<SurfaceRootSpec>.Empty,
            Abstracts = schema
                .Types.Where(t => t.IsAbstract)
                .Select(t => new SurfaceAbstractSpec(
                    Names.Type(t.Name),
                    t.Name,
                    schema.PossibleTypes(t).Select(m => new VariantSpec(m, Names.Type(m))).ToEquatableArray()
                ))
                .ToEquatableArray(),
        };
    }

    private static EquatableArray<SurfaceRootSpec> Roots(SchemaModel schema, string rootType) =>
        schema.Find(rootType)!.Fields.Where(f => IsSelectable(schema, f)).Select(f => Root(schema, f)).ToEquatableArray();

    private static bool IsSelectable(SchemaModel schema, FieldDef field) => schema.Find(field.Type.NamedType) is { IsLeaf: false };

    /// <summary>One object type's data class: every field a nullable property (lambda projections override the ones they select).</summary>
    public static SurfaceTypeSpec Type(SchemaModel schema, TypeDef type)
    {
        var name = Names.Type(type.Name);
        var taken = new HashSet<string> { name, "Equals", "GetHashCode", "ToString", "GetType" };
        var properties = type
            .Fields.Where(f => IsSelectable(schema, f) || schema.Find(f.Type.NamedType) is { IsLeaf: true })
            .Select(f => new PropertySpec(
                Names.Unique(Names.Pascal(f.Name), taken),
                f.Name,
                f.Name,
                ValueTypes.Output(schema, f.Type, Names.Type(f.Type.NamedType)) with
                {
                    Nullable = true,
                }
            )
            {
                Docs = f.Docs,
            });
        var list = properties.ToList();
        // A field with arguments keeps its property (no arguments: the server's defaults) and gets a method taking them.
        var methods = type
            .Fields.Where(f => f.Arguments.Count > 0 && IsSelectable(schema, f))
            .Select(f => Root(schema, f) with { MethodName = Names.Unique(Names.Pascal(f.Name) + "With", taken) });
        return new SurfaceTypeSpec(name, type.Name, list.ToEquatableArray())
        {
            Description = type.Docs.Description,
            Methods = methods.ToEquatableArray(),
        };
    }

    /// <summary>The C# parameter name of each of <paramref name="field"/>'s arguments, in order (the selector is <c>select</c>).</summary>
    public static List<string> ParameterNames(FieldDef field)
    {
        var taken = new HashSet<string> { "select" };
        return field.Arguments.Select(a => Names.Unique(Names.Camel(a.Name), taken)).ToList();
    }

    public static SurfaceRootSpec Root(SchemaModel schema, FieldDef field)
    {
        var names = ParameterNames(field);
        var arguments = field.Arguments.Select(
            (a, i) =>
                new VariableSpec(a.Name, names[i], ValueTypes.Input(schema, a.Type), a.HasDefault) { Description = a.Docs.Description }
        );
        return new SurfaceRootSpec(
            Names.Pascal(field.Name),
            field.Name,
            ValueTypes.Output(schema, field.Type, Names.Type(field.Type.NamedType)),
            arguments.ToEquatableArray()
        )
        {
            Docs = field.Docs,
        };
    }
}
