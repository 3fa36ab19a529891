using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// What a lambda's selection asks on one object, decided once for both the document (<see cref="LambdaBuilder"/>) and
/// the projection that reads its answer (<see cref="ProjectionNodes"/>): the fields and narrowings read, in first-read
/// order, each with what is asked below it; and, when the object has nothing read below it or is used whole, the
/// scalar fields that brings besides those.
/// </summary>
internal sealed class SelectedFields
{
    public SelectedFields(SchemaModel schema, TypeDef type, EquatableArray<Selection> selections)
    {
        Steps = selections.Where(s => s.Kind != SelectionKind.AllScalars).ToList();
        var whole = !type.IsAbstract && (Steps.Count == 0 || selections.Any(s => s.Kind == SelectionKind.AllScalars));
        Scalars = whole
            ? type
                .Fields.Where(f =>
                    schema.Find(f.Type.NamedType) is { IsLeaf: true } && !f.Arguments.Any(a => a.Type.NonNull && !a.HasDefault)
                )
                .Select(f => f.Name)
                .Where(f => Steps.All(s => s.Kind != SelectionKind.Field || s.Name != f))
                .ToList()
            : new List<string>();
    }

    public List<Selection> Steps { get; }

    /// <summary>The scalar fields (needing no argument) a whole object brings that no step already names.</summary>
    public List<string> Scalars { get; }

    /// <summary>The selection of <paramref name="field"/>, when it is read.</summary>
    public Selection? Field(string field) => Steps.FirstOrDefault(s => s.Kind == SelectionKind.Field && s.Name == field && s.Alias is null);

    /// <summary>The fields read with arguments, each under its alias.</summary>
    public IEnumerable<Selection> WithArguments => Steps.Where(s => s.Kind == SelectionKind.Field && s.Alias is not null);
}
