using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Building;

/// <summary>Builds, per named schema, the types its operations share, exactly as the default schema's are built.</summary>
internal static class NamedTypesBuilder
{
    public static EquatableArray<NamedTypesSpec> Build(SchemaSet named, IEnumerable<NamedUse> uses, GeneratorOptions options)
    {
        var byName = uses.ToLookup(u => u.Schema);
        return named
            .Schemas.Select(schema =>
            {
                var own = options.ForSchema(schema.Name);
                var used = byName[schema.Name].ToList();
                var shared = schema.Model.IsUsable
                    ? SharedTypesBuilder.Build(schema.Model, used.SelectMany(u => u.SchemaTypes), own)
                    : new SharedTypesSpec(own.TypesNamespace, EquatableArray<InputTypeSpec>.Empty, EquatableArray<EnumSpec>.Empty);
                var fragments = FragmentInterfaceBuilder.Collect(own.Namespace, used.SelectMany(u => u.Fragments)) with
                {
                    TypesNamespace = own.TypesNamespace,
                };
                return new NamedTypesSpec(schema.Name, own.Namespace, schema.Model.Path, shared, fragments);
            })
            .ToEquatableArray();
    }
}
