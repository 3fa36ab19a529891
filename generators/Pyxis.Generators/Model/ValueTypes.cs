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
    public static ValueTypeSpec Input(SchemaModel schema, TypeRef type)
    {
        if (type.IsList)
        {
            return new ValueTypeSpec(ValueKind.List, !type.NonNull, string.Empty, ScalarKind.None, Input(schema, type.Item!));
        }

        var named = schema.Find(type.Name);
        return named?.Kind switch
        {
            TypeKind.Enum => new ValueTypeSpec(ValueKind.Enum, !type.NonNull, Names.Pascal(type.Name), ScalarKind.None, null),
            TypeKind.InputObject => new ValueTypeSpec(ValueKind.InputObject, !type.NonNull, Names.Pascal(type.Name), ScalarKind.None, null),
            _ => new ValueTypeSpec(ValueKind.Scalar, !type.NonNull, string.Empty, ScalarFor(type.Name), null),
        };
    }

    /// <summary>The shape of a selected field; <paramref name="recordName"/> names the record for object selections.</summary>
    public static ValueTypeSpec Output(SchemaModel schema, TypeRef type, string recordName)
    {
        if (type.IsList)
        {
            return new ValueTypeSpec(ValueKind.List, !type.NonNull, string.Empty, ScalarKind.None, Output(schema, type.Item!, recordName));
        }

        var named = schema.Find(type.Name);
        return named?.Kind switch
        {
            TypeKind.Enum => new ValueTypeSpec(ValueKind.Enum, !type.NonNull, Names.Pascal(type.Name), ScalarKind.None, null),
            TypeKind.Scalar or null => new ValueTypeSpec(ValueKind.Scalar, !type.NonNull, string.Empty, ScalarFor(type.Name), null),
            _ => new ValueTypeSpec(ValueKind.Object, !type.NonNull, recordName, ScalarKind.None, null),
        };
    }

    public static ValueTypeSpec Innermost(ValueTypeSpec type) => type.Item is null ? type : Innermost(type.Item);
}
