using System.Text.Json;

namespace Pyxis.Client.Serialization;

public static partial class PyxisJson
{
    public static void Write(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value);
    }

    public static void Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    public static void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    public static void Write(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    public static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public static void Write(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    public static void Write(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>A custom scalar mapped to <typeparamref name="T"/>.</summary>
    public static void WriteScalar<T>(Utf8JsonWriter writer, T value)
        where T : struct, IPyxisScalar<T> => value.WriteJson(writer);

    /// <summary>A custom scalar mapped to <typeparamref name="T"/>, or null.</summary>
    public static void WriteScalar<T>(Utf8JsonWriter writer, T? value)
        where T : struct, IPyxisScalar<T>
    {
        if (value is { } present)
        {
            present.WriteJson(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static void Write(Utf8JsonWriter writer, int? value) => WriteNullable(writer, value, static (w, v) => w.WriteNumberValue(v));

    public static void Write(Utf8JsonWriter writer, long? value) => WriteNullable(writer, value, static (w, v) => w.WriteNumberValue(v));

    public static void Write(Utf8JsonWriter writer, double? value) => WriteNullable(writer, value, static (w, v) => w.WriteNumberValue(v));

    public static void Write(Utf8JsonWriter writer, bool? value) => WriteNullable(writer, value, static (w, v) => w.WriteBooleanValue(v));

    public static void Write(Utf8JsonWriter writer, DateTimeOffset? value) =>
        WriteNullable(writer, value, static (w, v) => w.WriteStringValue(v));

    public static void Write(Utf8JsonWriter writer, JsonElement? value) => WriteNullable(writer, value, static (w, v) => v.WriteTo(w));

    private static void WriteNullable<T>(Utf8JsonWriter writer, T? value, Action<Utf8JsonWriter, T> write)
        where T : struct
    {
        if (value is { } present)
            write(writer, present);
        else
            writer.WriteNullValue();
    }

    public static void Write(Utf8JsonWriter writer, IPyxisInputValue? value)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            value.WriteTo(writer);
    }

    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }
}
