using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Pyxis.Client.Serialization;

/// <summary>Readers and writers that generated code calls. Every reader accepts JSON null and names the field on a mismatch.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class PyxisJson
{
    public static string? ReadString(ref Utf8JsonReader reader, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw Unexpected(ref reader, path, "a string"),
        };

    /// <summary>GraphQL IDs arrive as strings or numbers; both become the same string.</summary>
    public static string? ReadId(ref Utf8JsonReader reader, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => ReadString(ref reader, path),
        };

    public static int? ReadInt32(ref Utf8JsonReader reader, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            _ => throw Unexpected(ref reader, path, "a 32-bit integer"),
        };

    public static long? ReadInt64(ref Utf8JsonReader reader, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
            JsonTokenType.String
                when long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
            _ => throw Unexpected(ref reader, path, "a 64-bit integer"),
        };

    public static double? ReadDouble(ref Utf8JsonReader reader, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetDouble(out var value) && double.IsFinite(value) => value,
            JsonTokenType.Number => throw new PyxisJsonException(
                $"'{path}' is a number beyond the range of a double (at byte {reader.TokenStartIndex}); it would read as infinity."
            ),
            _ => throw Unexpected(ref reader, path, "a number"),
        };

    public static bool? ReadBoolean(ref Utf8JsonReader reader, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(ref reader, path, "true or false"),
        };

    public static DateTimeOffset? ReadDateTimeOffset(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        // Pyxis has sent dates without an offset; read those as UTC rather than fail.
        if (
            reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
        )
        {
            return value;
        }

        throw Unexpected(ref reader, path, "an ISO 8601 date-time");
    }

    /// <summary>A JSON scalar, kept whole; a key twice in any of its objects is refused like anywhere else in the answer.</summary>
    public static JsonElement? ReadElement(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var value = JsonElement.ParseValue(ref reader);
        RefuseDuplicates(value, path);
        return value;
    }

    private static void RefuseDuplicates(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                RefuseDuplicates(item, path + "[]");
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    throw Duplicate(path + "." + property.Name);
                }

                RefuseDuplicates(property.Value, path + "." + property.Name);
            }
        }
    }

    public static T? ReadEnum<T>(ref Utf8JsonReader reader, string path, Func<string, T?> parse)
        where T : struct
    {
        var text = ReadString(ref reader, path);
        if (text is null)
        {
            return null;
        }

        return parse(text)
            ?? throw new PyxisJsonException($"'{path}' has the value \"{text}\", which is not a known {typeof(T).Name} value.");
    }

    public static ValueList<T>? ReadList<T>(ref Utf8JsonReader reader, string path, PyxisDataReader<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, path, "a list");
        }

        // Most lists in an answer are short (tags, categories): the first eight items wait on the stack, so a list costs
        // its one exact array instead of a List, its growing arrays and a copy.
        var head = default(FirstItems<T>);
        List<T>? rest = null;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = readItem(ref reader);
            if (count < FirstItems<T>.Length)
            {
                head[count] = item;
            }
            else
            {
                (rest ??= []).Add(item);
            }

            count++;
        }

        if (count == 0)
        {
            return ValueList<T>.Empty;
        }

        var items = new T[count];
        ((ReadOnlySpan<T>)head)[..Math.Min(count, FirstItems<T>.Length)].CopyTo(items);
        rest?.CopyTo(items, FirstItems<T>.Length);
        return new ValueList<T>(items);
    }

    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct FirstItems<T>
    {
        public const int Length = 8;
        private T first;
    }

    /// <summary>A custom scalar mapped to <typeparamref name="T"/>; a value it refuses fails naming <paramref name="path"/>.</summary>
    public static T? ReadScalar<T>(ref Utf8JsonReader reader, string path)
        where T : struct, IPyxisScalar<T>
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        try
        {
            return T.ReadJson(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new PyxisJsonException($"'{path}' is not a valid {typeof(T).Name}: {ex.Message}");
        }
    }

    public static void ExpectObject(ref Utf8JsonReader reader, string type)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, type, "an object");
        }
    }

    /// <summary>
    /// The <c>__typename</c> of the object under <paramref name="reader"/>, read from a copy of the reader so the caller
    /// still stands at the object's start. Generated readers of union and interface results call it.
    /// </summary>
    public static string PeekTypename(Utf8JsonReader reader, string type)
    {
        ExpectObject(ref reader, type);
        string? typename = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("__typename"u8))
            {
                // A second __typename would make the answer two types at once; the whole object is looked at to know.
                if (typename is not null)
                {
                    throw Duplicate(type + ".__typename");
                }

                reader.Read();
                typename = ReadString(ref reader, type + ".__typename") ?? throw Missing(type + ".__typename");
                continue;
            }

            reader.Read();
            reader.Skip();
        }

        return typename ?? throw Missing(type + ".__typename");
    }

    /// <summary>
    /// Marks a key of the object being read as seen (<paramref name="bit"/> of <paramref name="seen"/>). A key that
    /// arrives twice is refused: which of the two values is the answer is not for a client to guess.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void MarkSeen(ref ulong seen, ulong bit, string path)
    {
        if ((seen & bit) != 0)
        {
            throw Duplicate(path);
        }

        seen |= bit;
    }

    /// <summary>The error for a key that arrived twice in one object.</summary>
    public static PyxisJsonException Duplicate(string path) => new($"'{path}' appears twice in one object; duplicate keys are refused.");

    public static PyxisJsonException Missing(string path) => new($"'{path}' is declared non-null in the schema but was null or missing.");

    private static PyxisJsonException Unexpected(ref Utf8JsonReader reader, string path, string expected) =>
        new($"'{path}' should be {expected} but was {reader.TokenType} (at byte {reader.TokenStartIndex}).");
}
