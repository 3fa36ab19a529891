using System.Reflection;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>C# spellings of value shapes, always fully qualified so user code cannot shadow them.</summary>
internal static class TypeNames
{
    public const string Runtime = "global::Pyxis.Client";
    public const string Json = "global::Pyxis.Client.Serialization.PyxisJson";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";

    public static readonly string GeneratedCode =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Pyxis.Generators\", \"{typeof(TypeNames).Assembly.GetName().Version}\")]";

    /// <summary>The C# type; objects resolve against <paramref name="owner"/>, inputs and enums against <paramref name="ns"/>.</summary>
    public static string Of(ValueTypeSpec type, string ns, string? owner, bool input)
    {
        var name = type.Kind switch
        {
            ValueKind.List => (input ? "global::System.Collections.Generic.IReadOnlyList<" : Runtime + ".ValueList<")
                + Of(type.Item!, ns, owner, input)
                + ">",
            ValueKind.Object => owner is null ? type.TypeName : owner + "." + type.TypeName,
            ValueKind.Enum or ValueKind.InputObject => "global::" + ns + "." + type.TypeName,
            _ when type.Scalar == ScalarKind.Mapped => "global::" + type.TypeName,
            _ => Scalar(type.Scalar),
        };
        return type.Nullable ? name + "?" : name;
    }

    /// <summary>The type of a fragment interface's property: lists are read-only lists of the nested interfaces.</summary>
    public static string OfInterface(ValueTypeSpec type, string ns, string owner) => Of(type, ns, owner, input: true);

    public static string Nullable(ValueTypeSpec type, string ns, string? owner, bool input) =>
        Of(type with { Nullable = true }, ns, owner, input);

    public static bool IsValueType(ValueTypeSpec type) =>
        type.Kind == ValueKind.Enum
        || (
            type.Kind == ValueKind.Scalar
            && type.Scalar
                is ScalarKind.Int
                    or ScalarKind.Float
                    or ScalarKind.Boolean
                    or ScalarKind.DateTime
                    or ScalarKind.Long
                    or ScalarKind.Json
                    or ScalarKind.Mapped
        );

    private static string Scalar(ScalarKind kind) =>
        kind switch
        {
            ScalarKind.Int => "int",
            ScalarKind.Float => "double",
            ScalarKind.Boolean => "bool",
            ScalarKind.DateTime => "global::System.DateTimeOffset",
            ScalarKind.Long => "long",
            ScalarKind.Json => "global::System.Text.Json.JsonElement",
            _ => "string",
        };
}
