using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Building;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// The classes a lambda query's answer is read into: one node per selected object, holding only the fields the
/// lambda asked for. The surface class has a property for every field; a reader filling it would allocate a slot for
/// each, so every node is a private subclass overriding just its selected properties. Mirrors
/// <see cref="LambdaBuilder"/>'s selection: an object with nothing read below it, or used whole, brings its scalar fields.
/// </summary>
internal sealed class ProjectionNodes(SchemaModel schema)
{
    private readonly List<LambdaNodeSpec?> nodes = new();

    public EquatableArray<LambdaNodeSpec> Nodes => nodes.Select(n => n!).ToEquatableArray();

    /// <summary>
    /// The shape of a value of <paramref name="shape"/> whose objects are read by the nodes for <paramref name="selections"/>.
    /// </summary>
    public ValueTypeSpec Read(ValueTypeSpec shape, TypeDef type, EquatableArray<Selection> selections) =>
        WithReader(shape, Add(type, selections));

    private string Add(TypeDef type, EquatableArray<Selection> selections)
    {
        var name = "Node" + nodes.Count;
        var index = nodes.Count;
        nodes.Add(null);
        nodes[index] = type.IsAbstract ? Abstract(name, type, selections) : Object(name, type, selections);
        return "Read" + name;
    }

    private LambdaNodeSpec Abstract(string name, TypeDef type, EquatableArray<Selection> selections)
    {
        // On<T>() narrows to an object type; the value of any type the lambda does not narrow to is left unread.
        var variants = selections
            .Where(s => s.Kind == SelectionKind.OnType)
            .Select(s => (Type: schema.Find(s.Name), s.Children))
            .Where(v => v.Type is { Kind: TypeKind.Object })
            .Select(v => new VariantSpec(v.Type!.Name, Add(v.Type, v.Children)))
            .ToList();
        return new LambdaNodeSpec(name, type.Name, Names.Type(type.Name), EquatableArray<PropertySpec>.Empty, variants.ToEquatableArray())
        {
            IsAbstract = true,
        };
    }

    private LambdaNodeSpec Object(string name, TypeDef type, EquatableArray<Selection> selections)
    {
        var surface = SurfaceBuilder.Type(schema, type);
        var selected = new SelectedFields(schema, type, selections);
        var properties = new List<PropertySpec>();
        foreach (var property in surface.Properties)
        {
            var below = selected.Field(property.SchemaField);
            if (below is null && !selected.Scalars.Contains(property.SchemaField))
            {
                continue;
            }

            var child = schema.Find(type.FindField(property.SchemaField)!.Type.NamedType);
            properties.Add(child is { IsLeaf: false } ? property with { Type = Read(property.Type, child, below!.Children) } : property);
        }

        // A field read with arguments is stored under its alias and handed to the select lambda of the method overridden.
        foreach (var step in selected.WithArguments)
        {
            var field = type.FindField(step.Name);
            if (surface.Methods.FirstOrDefault(m => m.Field == step.Name) is { } method && schema.Find(field!.Type.NamedType) is { } child)
            {
                var shape = ValueTypes.Output(schema, field.Type, Names.Type(child.Name)) with { Nullable = true };
                properties.Add(
                    new PropertySpec(method.MethodName, step.Alias!, step.Name, Read(shape, child, step.Children)) { Method = method }
                );
            }
        }

        return new LambdaNodeSpec(name, type.Name, surface.Name, properties.ToEquatableArray(), EquatableArray<VariantSpec>.Empty);
    }

    private static ValueTypeSpec WithReader(ValueTypeSpec shape, string reader) =>
        shape.Item is { } item ? shape with { Item = WithReader(item, reader) } : shape with { Reader = reader };
}
