using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Building;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// The way from a root field's result to the field below it whose arguments are known only at run time
/// (<c>data/edges/images@</c>): the surface class and property of each step, then the class and method of the call.
/// </summary>
internal static class HoistPlan
{
    /// <summary>The plan, or null when a step is not a plain object (a union or interface has no one class to walk).</summary>
    public static HoistSpec? Of(
        SchemaModel schema,
        TypeDef result,
        int root,
        string path,
        IReadOnlyList<(int Ordinal, string Name)> variables
    )
    {
        var steps = new List<PropertyStep>();
        var type = result;
        var fields = path.Split('/');
        foreach (var field in fields.Take(fields.Length - 1))
        {
            var surface = SurfaceBuilder.Type(schema, type);
            if (
                type.IsAbstract
                || surface.Properties.FirstOrDefault(p => p.SchemaField == field) is not { } property
                || schema.Find(type.FindField(field)!.Type.NamedType) is not { IsLeaf: false } next
            )
            {
                return null;
            }

            steps.Add(new PropertyStep(surface.Name, property));
            type = next;
        }

        var name = fields.Last().Substring(0, fields.Last().Length - SelectorPaths.WithArguments.Length);
        var owner = SurfaceBuilder.Type(schema, type);
        return type.IsAbstract || owner.Methods.FirstOrDefault(m => m.Field == name) is not { } method
            ? null
            : new HoistSpec(
                root,
                steps.ToEquatableArray(),
                owner.Name,
                method,
                variables.Select(v => new HoistVariable(v.Ordinal, v.Name)).ToEquatableArray()
            );
    }
}
