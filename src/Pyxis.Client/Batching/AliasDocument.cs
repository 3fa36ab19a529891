using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pyxis.Client.Batching;

/// <summary>Builds one aliased request from a chunk of single-lookup requests, and reads its answer back per alias.</summary>
internal static class AliasDocument
{
    public static PyxisRequest<AliasAnswer<TField>> Build<TField, TResult>(
        PyxisAliasTemplate<TField, TResult> template,
        IReadOnlyList<PyxisRequest> items
    )
    {
        var definitions = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            for (var v = 0; v < template.VariableNames.Length; v++)
            {
                definitions.Add($"${AliasNaming.Variable(template.VariableNames[v], i)}: {template.VariableTypes[v]}");
            }
        }

        var document = new StringBuilder("query ").Append(template.OperationName).Append("Batch");
        document.Append(definitions.Count == 0 ? string.Empty : "(" + string.Join(", ", definitions) + ")").Append(" {");
        for (var i = 0; i < items.Count; i++)
        {
            document
                .Append("\n  ")
                .Append(AliasNaming.Alias(i))
                .Append(": ")
                .Append(template.FieldTemplate.Replace(AliasNaming.IndexMarker.ToString(), i.ToString(CultureInfo.InvariantCulture)));
        }

        document.Append("\n}");
        if (template.Fragments.Length > 0)
        {
            document.Append('\n').Append(template.Fragments);
        }

        var count = items.Count;
        var readField = template.ReadField;

        // Each read makes its own answer, so an attempt retried after a body cut short starts from nothing.
        return new PyxisRequest<AliasAnswer<TField>>(
            template.OperationName + "Batch",
            document.ToString(),
            MergeVariables(items),
            (ref Utf8JsonReader reader) => new AliasAnswer<TField>(count).Read(ref reader, readField)
        )
        {
            KeepsPartialErrors = true,
            RetriesServerTimeouts = false,
            Aliases = items.Count,
        };
    }

    // {"registry":"a"} + {"registry":"b"} → {"registry__0":"a","registry__1":"b"}. Each value is copied byte for byte as its
    // request wrote it: the variables are written once, only the names gain their lookup index.
    private static ReadOnlyMemory<byte> MergeVariables(IReadOnlyList<PyxisRequest> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("{"u8);
        var first = true;
        for (var i = 0; i < items.Count; i++)
        {
            var variables = items[i].Variables.Span;
            var reader = new Utf8JsonReader(variables);
            reader.Read();
            Serialization.PyxisJson.ExpectObject(ref reader, "variables");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = variables.Slice((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2); // the quoted name as written
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var value = variables[start..(int)reader.BytesConsumed];
                buffer.Write(first ? ""u8 : ","u8);
                buffer.Write(name[..^1]);
                buffer.Write(Encoding.UTF8.GetBytes(AliasNaming.Variable(string.Empty, i))); // the name's index suffix
                buffer.Write("\":"u8);
                buffer.Write(value);
                first = false;
            }
        }

        buffer.Write("}"u8);
        return buffer.WrittenMemory;
    }
}

/// <summary>
/// The values of one aliased response, by alias index, plus any GraphQL errors and the call that brought them (its
/// status, trace id and secrets describe each lookup's failure). Made by one read and told of its call once.
/// </summary>
internal sealed class AliasAnswer<TField>(int count) : Serialization.ResponseReader.IToldOfCall
{
    public TField?[] Values { get; } = new TField?[count];

    public bool[] Present { get; } = new bool[count];

    public IReadOnlyList<PyxisGraphQLError> Errors { get; private set; } = [];

    /// <summary>The call that read this answer; null when a client other than <see cref="PyxisClient"/> answered.</summary>
    public Runtime.PyxisCall? Call { get; private set; }

    void Serialization.ResponseReader.IToldOfCall.Told(in Runtime.PyxisCall call, IReadOnlyList<PyxisGraphQLError> errors) =>
        (Call, Errors) = (call, errors);

    public AliasAnswer<TField> Read(ref Utf8JsonReader reader, PyxisDataReader<TField> readField)
    {
        Serialization.PyxisJson.ExpectObject(ref reader, "data");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var alias = reader.GetString()!;
            if (!TryIndex(alias, out var index))
            {
                throw new Serialization.PyxisJsonException(
                    $"the batched response has the key '{Transport.HeaderValues.Sanitize(alias)}', which is not one of the aliases sent ({AliasNaming.Alias(0)}…{AliasNaming.Alias(Values.Length - 1)})."
                );
            }

            if (Present[index])
            {
                throw Serialization.PyxisJson.Duplicate("data." + alias);
            }

            reader.Read();
            Values[index] = readField(ref reader);
            Present[index] = true;
        }

        return this;
    }

    /// <summary>
    /// The index of <paramref name="alias"/> when it is exactly an alias this request sent (<c>r0</c>…): <c>r01</c> or
    /// <c>r002</c> are not <c>r1</c> or <c>r2</c>, so no answer is ever attributed to a lookup it was not sent for.
    /// </summary>
    public bool TryIndex(string alias, out int index)
    {
        index = -1;
        var prefix = AliasNaming.AliasPrefix;
        var digits = alias.AsSpan(Math.Min(prefix.Length, alias.Length));
        return alias.Length > prefix.Length
            && alias.StartsWith(prefix, StringComparison.Ordinal)
            && !digits.ContainsAnyExceptInRange('0', '9')
            && (digits.Length == 1 || digits[0] != '0')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index < Values.Length;
    }
}
