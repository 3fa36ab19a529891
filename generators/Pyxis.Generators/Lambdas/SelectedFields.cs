using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// What a lambda's paths select on one object, decided once for both the document (<see cref="LambdaBuilder"/>) and
/// the projection that reads its answer (<see cref="ProjectionNodes"/>): the steps read by path, in first-read order,
/// each with the paths below it; and, when the object has nothing read below it or is used whole ("*"), the scalar
/// fields that brings besides those steps.
/// </summary>
internal sealed class SelectedFields
{
    public SelectedFields(SchemaModel schema, TypeDef type, List<string[]> paths)
    {
        Steps = paths
            .Where(p => p.Length > 0 && p[0] != WholeValues.AllScalars)
            .GroupBy(p => p[0])
            .Select(g => (g.Key, g.Select(p => p.Skip(1).ToArray()).ToList()))
            .ToList();
        var whole = !type.IsAbstract && (Steps.Count == 0 || paths.Any(p => p.Length > 0 && p[0] == WholeValues.AllScalars));
        Scalars = whole
            ? type
                .Fields.Where(f =>
                    schema.Find(f.Type.NamedType) is { IsLeaf: true } && !f.Arguments.Any(a => a.Type.NonNull && !a.HasDefault)
                )
                .Select(f => f.Name)
                .Where(f => Steps.All(s => s.Step != f))
                .ToList()
            : new List<string>();
    }

    public List<(string Step, List<string[]> Below)> Steps { get; }

    /// <summary>The scalar fields (needing no argument) a whole object brings that no step already names.</summary>
    public List<string> Scalars { get; }

    public List<string[]>? Below(string step) => Steps.FirstOrDefault(s => s.Step == step).Below;
}
