using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Expressions and statements that read and write one value with Utf8JsonReader/Utf8JsonWriter: no reflection.</summary>
internal static class JsonCode
{
    /// <summary>
    /// An expression reading the value under <paramref name="reader"/>; its type is the nullable form of <paramref name="type"/>.
    /// </summary>
    public static string Read(ValueTypeSpec type, string reader, string path, string ns, int depth = 0)
    {
        var at = Names.Literal(path);
        switch (type.Kind)
        {
            case ValueKind.Object:
                return $"{type.Reader ?? "Read" + type.TypeName}(ref {reader})";
            case ValueKind.Enum:
                return $"{TypeNames.Json}.ReadEnum(ref {reader}, {at}, global::{ns}.{type.TypeName}Wire.TryParse)";
            case ValueKind.List:
                var item = "r" + (depth + 1);
                var itemRead = Required(type.Item!, Read(type.Item!, item, path + "[]", ns, depth + 1), path + "[]");
                return $"{TypeNames.Json}.ReadList(ref {reader}, {at}, static (ref {TypeNames.Reader} {item}) => {itemRead})";
            case ValueKind.Scalar when type.Scalar == ScalarKind.Mapped:
                return $"{TypeNames.Json}.ReadScalar<global::{type.TypeName}>(ref {reader}, {at})";
            default:
                return $"{TypeNames.Json}.Read{ScalarMethod(type.Scalar)}(ref {reader}, {at})";
        }
    }

    /// <summary>Wraps a nullable read so a non-null schema type turns a missing value into a clear error.</summary>
    public static string Required(ValueTypeSpec type, string expression, string path) =>
        type.Nullable ? expression : $"{expression} ?? throw {TypeNames.Json}.Missing({Names.Literal(path)})";

    /// <summary>A statement writing <paramref name="value"/> (already checked for null where optional).</summary>
    public static string Write(ValueTypeSpec type, string writer, string value, string ns, int depth = 0)
    {
        switch (type.Kind)
        {
            case ValueKind.Enum:
                var wire = $"global::{ns}.{type.TypeName}Wire.ToWire";
                return type.Nullable
                    ? $"{TypeNames.Json}.Write({writer}, {value} is {{ }} e{depth} ? {wire}(e{depth}) : null);"
                    : $"{TypeNames.Json}.Write({writer}, {wire}({value}));";
            case ValueKind.InputObject:
                return $"{TypeNames.Json}.Write({writer}, ({TypeNames.Runtime}.Serialization.IPyxisInputValue?){value});";
            case ValueKind.List:
                var w = "w" + (depth + 1);
                var item = "i" + (depth + 1);
                return $"{TypeNames.Json}.WriteList({writer}, {value}, static ({w}, {item}) => {{ {Write(type.Item!, w, item, ns, depth + 1)} }});";
            case ValueKind.Scalar when type.Scalar == ScalarKind.Mapped:
                return $"{TypeNames.Json}.WriteScalar({writer}, {value});";
            default:
                return $"{TypeNames.Json}.Write({writer}, {value});";
        }
    }

    private static string ScalarMethod(ScalarKind kind) =>
        kind switch
        {
            ScalarKind.Int => "Int32",
            ScalarKind.Float => "Double",
            ScalarKind.Boolean => "Boolean",
            ScalarKind.Id => "Id",
            ScalarKind.DateTime => "DateTimeOffset",
            ScalarKind.Long => "Int64",
            ScalarKind.Json => "Element",
            _ => "String",
        };
}
