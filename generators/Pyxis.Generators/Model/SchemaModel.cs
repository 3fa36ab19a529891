using System;
using System.Collections.Generic;
using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Model;

/// <summary>
/// The parsed schema. Equality is the equality of the source text it was parsed from: the same text
/// always yields the same model, and comparing 150 KB of text is far cheaper than comparing 557 types.
/// </summary>
internal sealed class SchemaModel : IEquatable<SchemaModel>
{
    public static readonly string[] BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    private readonly Dictionary<string, TypeDef> types;

    public SchemaModel(
        string path,
        string text,
        Dictionary<string, TypeDef> types,
        string? queryType,
        string? mutationType,
        EquatableArray<DiagnosticInfo> diagnostics
    )
    {
        Path = path;
        Text = text;
        this.types = types;
        QueryType = queryType;
        MutationType = mutationType;
        Diagnostics = diagnostics;
    }

    public string Path { get; }

    public string Text { get; }

    public string? QueryType { get; }

    public string? MutationType { get; }

    public EquatableArray<DiagnosticInfo> Diagnostics { get; }

    public bool IsUsable => QueryType is not null && Diagnostics.Count == 0;

    /// <summary>A stand-in for a schema that could not be read; its own diagnostic explains why.</summary>
    public static SchemaModel Unusable(string path) => new(path, string.Empty, new(), null, null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>Every type the schema defines, in name order so output does not depend on dictionary order.</summary>
    public System.Collections.Generic.IEnumerable<TypeDef> Types =>
        System.Linq.Enumerable.OrderBy(types.Values, t => t.Name, StringComparer.Ordinal);

    public TypeDef? Find(string name) => types.TryGetValue(name, out var type) ? type : null;

    /// <summary>Custom scalars the project maps to its own C# types (<c>PyxisScalar</c> items): scalar name → type name.</summary>
    public EquatableArray<ScalarMapping> Scalars { get; private set; } = EquatableArray<ScalarMapping>.Empty;

    /// <summary>The same schema with the project's scalar mappings; the parse is shared.</summary>
    public SchemaModel WithScalars(EquatableArray<ScalarMapping> scalars) =>
        scalars.Equals(Scalars) ? this : new SchemaModel(Path, Text, types, QueryType, MutationType, Diagnostics) { Scalars = scalars };

    public string? ClrTypeOf(string scalar)
    {
        foreach (var mapping in Scalars)
        {
            if (mapping.Scalar == scalar)
            {
                return mapping.ClrType;
            }
        }

        return null;
    }

    /// <summary>
    /// The object types a value of <paramref name="type"/> can be: itself for an object, the members or implementations otherwise.
    /// </summary>
    public IEnumerable<string> PossibleTypes(TypeDef type) =>
        type.Kind == TypeKind.Object ? [type.Name]
        : type.IsAbstract ? type.Related
        : [];

    /// <summary>
    /// Whether a fragment on <paramref name="condition"/> can apply where <paramref name="parent"/> is selected (spec 5.5.2.3).
    /// </summary>
    public bool Overlap(TypeDef parent, TypeDef condition) =>
        System.Linq.Enumerable.Any(PossibleTypes(parent), name => System.Linq.Enumerable.Contains(PossibleTypes(condition), name));

    public bool Equals(SchemaModel? other) =>
        other is not null
        && Path == other.Path
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && Scalars.Equals(other.Scalars);

    public override bool Equals(object? obj) => Equals(obj as SchemaModel);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
