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
                definitions.Add(
                    $"${template.VariableNames[v]}{AliasNaming.IndexSeparator}{i.ToString(CultureInfo.InvariantCulture)}: {template.VariableTypes[v]}"
                );
            }
        }

        var document = new StringBuilder("query ").Append(template.OperationName).Append("Batch");
        document.Append(definitions.Count == 0 ? string.Empty : "(" + string.Join(", ", definitions) + ")").Append(" {");
        for (var i = 0; i < items.Count; i++)
        {
            document
                .Append("\n  r")
                .Append(i)
                .Append(": ")
                .Append(template.FieldTemplate.Replace(AliasNaming.IndexMarker.ToString(), i.ToString(CultureInfo.InvariantCulture)));
        }

        document.Append("\n}");
        if (template.Fragments.Length > 0)
        {
            document.Append('\n').Append(template.Fragments);
        }

        var answer = new AliasAnswer<TField>(items.Count);
        return new PyxisRequest<AliasAnswer<TField>>(
            template.OperationName + "Batch",
            document.ToString(),
            MergeVariables(items),
            (ref Utf8JsonReader reader) => answer.Read(ref reader, template.ReadField)
        )
        {
            PartialErrors = answer.SetErrors,
            RetriesServerTimeouts = false,
        };
    }

    // {"registry":"a"} + {"registry":"b"} → {"registry__0":"a","registry__1":"b"}
    private static ReadOnlyMemory<byte> MergeVariables(IReadOnlyList<PyxisRequest> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < items.Count; i++)
            {
                using var variables = JsonDocument.Parse(items[i].Variables);
                foreach (var property in variables.RootElement.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name + AliasNaming.IndexSeparator + i.ToString(CultureInfo.InvariantCulture));
                    property.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}

/// <summary>The values of one aliased response, by alias index, plus any GraphQL errors.</summary>
internal sealed class AliasAnswer<TField>(int count)
{
    public TField?[] Values { get; } = new TField?[count];

    public bool[] Present { get; } = new bool[count];

    public IReadOnlyList<PyxisGraphQLError> Errors { get; private set; } = [];

    public void SetErrors(IReadOnlyList<PyxisGraphQLError> errors) => Errors = errors;

    public AliasAnswer<TField> Read(ref Utf8JsonReader reader, PyxisDataReader<TField> readField)
    {
        Serialization.PyxisJson.ExpectObject(ref reader, "data");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var alias = reader.GetString()!;
            if (!TryIndex(alias, out var index))
            {
                throw new Serialization.PyxisJsonException(
                    $"the batched response has the key '{Transport.HeaderValues.Sanitize(alias)}', which is not one of the aliases sent (r0…r{Values.Length - 1})."
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
        var digits = alias.AsSpan(Math.Min(1, alias.Length));
        return alias.Length > 1
            && alias[0] == 'r'
            && !digits.ContainsAnyExceptInRange('0', '9')
            && (digits.Length == 1 || digits[0] != '0')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index < Values.Length;
    }
}
