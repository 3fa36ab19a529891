using System.Collections.Generic;

namespace Pyxis.Generators.Model;

/// <summary>Maps schema types to C# value shapes; custom scalars by name, anything unknown to JSON.</summary>
internal static class ValueTypes
{
    private static readonly Dictionary<string, ScalarKind> Scalars = new()
    {
        ["String"] = ScalarKind.String,
        ["Int"] = ScalarKind.Int,
        ["Float"] = ScalarKind.Float,
        ["Boolean"] = ScalarKind.Boolean,
        ["ID"] = ScalarKind.Id,
        ["DateTime"] = ScalarKind.DateTime,
        ["Int64"] = ScalarKind.Long,
        ["ObjectID"] = ScalarKind.String,
        ["URI"] = ScalarKind.String,
        ["Email"] = ScalarKind.String,
        ["OpenPGPEncrypted"] = ScalarKind.String,
        ["Base64EncodedString"] = ScalarKind.String,
        ["SemVer"] = ScalarKind.String,
        ["DateTimeFilterScalar"] = ScalarKind.String,
        ["ObjectIDFilterScalar"] = ScalarKind.String,
        ["SemVerFilterScalar"] = ScalarKind.String,
    };

    public static ScalarKind ScalarFor(string name) => Scalars.TryGetValue(name, out var kind) ? kind : ScalarKind.Json;

    /// <summary>The shape of an input value (variable or input field); inputs and enums are named by their schema name.</summary>
    public static ValueTypeSpec Input(SchemaModel schema, TypeRef type) => Shape(schema, type, recordName: null);

    /// <summary>The shape of a selected field; <paramref name="recordName"/> names the record for object selections.</summary>
    public static ValueTypeSpec Output(SchemaModel schema, TypeRef type, string recordName) => Shape(schema, type, recordName);

    // One mapping for both directions: only what a named non-scalar type becomes differs (input object or record).
    private static ValueTypeSpec Shape(SchemaModel schema, TypeRef type, string? recordName)
    {
        var nullable = !type.NonNull;
        if (type.IsList)
        {
            return new ValueTypeSpec(ValueKind.List, nullable, string.Empty, ScalarKind.None, Shape(schema, type.Item!, recordName));
        }

        return schema.Find(type.Name)?.Kind switch
        {
            TypeKind.Enum => new ValueTypeSpec(ValueKind.Enum, nullable, Names.Type(type.Name), ScalarKind.None, null),
            TypeKind.InputObject when recordName is null => new ValueTypeSpec(
                ValueKind.InputObject,
                nullable,
                Names.Type(type.Name),
                ScalarKind.None,
                null
            ),
            TypeKind.Scalar when schema.ClrTypeOf(type.Name) is { } mapped => new ValueTypeSpec(
                ValueKind.Scalar,
                nullable,
                mapped,
                ScalarKind.Mapped,
                null
            ),
            TypeKind.Scalar or null => new ValueTypeSpec(ValueKind.Scalar, nullable, string.Empty, ScalarFor(type.Name), null),
            _ when recordName is not null => new ValueTypeSpec(ValueKind.Object, nullable, recordName, ScalarKind.None, null),
            _ => new ValueTypeSpec(ValueKind.Scalar, nullable, string.Empty, ScalarFor(type.Name), null),
        };
    }

    public static ValueTypeSpec Innermost(ValueTypeSpec type) => type.Item is null ? type : Innermost(type.Item);
}
