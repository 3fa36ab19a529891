using System.Text;
using System.Text.Json;
using Pyxis.Client.Runtime;

namespace Pyxis.Client;

/// <summary>Reads a value from the current position of <paramref name="reader"/> (generated, no reflection).</summary>
public delegate T PyxisDataReader<out T>(ref Utf8JsonReader reader);

/// <summary>What identifies a request in errors and logs: the operation and its variables.</summary>
public abstract class PyxisRequest
{
    private protected PyxisRequest(string operationName, string document, ReadOnlyMemory<byte> variables)
    {
        OperationName = operationName;
        Document = document;
        Variables = variables;
    }

    /// <summary>The GraphQL operation name.</summary>
    public string OperationName { get; }

    /// <summary>The GraphQL document sent, checked against the schema at build time.</summary>
    public string Document { get; }

    /// <summary>The variables as UTF-8 JSON. User values travel only here, never inside <see cref="Document"/>.</summary>
    public ReadOnlyMemory<byte> Variables { get; }

    /// <summary>
    /// When set, GraphQL errors next to data are handed here instead of failing the whole request
    /// (alias batches fail only the aliases the errors name).
    /// </summary>
    internal Action<IReadOnlyList<PyxisGraphQLError>>? PartialErrors { get; init; }

    /// <summary>How many lookups an alias batch request carries (0 for any other request), for telemetry.</summary>
    internal int Aliases { get; init; }

    /// <summary>
    /// Whether the client repeats the whole request on a Pyxis server timeout. Alias batches turn it off and
    /// repeat only the lookups that timed out.
    /// </summary>
    internal bool RetriesServerTimeouts { get; init; } = true;

    /// <summary>
    /// Whether a too-big answer (a Pyxis server timeout, a 5xx) ends the call at once instead of being retried at the same
    /// size: set on pages that adaptive sizing can still ask again smaller, so no retry wait is spent on a size that failed.
    /// </summary>
    internal bool ShrinksWhenTooBig { get; init; }

    /// <summary>
    /// Whether the client may send this request again after a transient failure or a Pyxis server timeout.
    /// Null (the default) means yes for queries and no for mutations, which must not run twice by accident;
    /// set it to true for a mutation that is safe to repeat.
    /// </summary>
    public bool? AllowRetries { get; set; }

    /// <summary>Whether the document is a mutation.</summary>
    public bool IsMutation => Document.AsSpan().TrimStart().StartsWith("mutation", StringComparison.Ordinal);

    internal bool Retryable => AllowRetries ?? !IsMutation;

    /// <summary>The <c>trace_id</c> header Pyxis answered with (its correlation id), once there is an answer.</summary>
    public string? TraceId { get; internal set; }

    /// <summary>The HTTP status of the answer, once there is one.</summary>
    public int? HttpStatus { get; internal set; }

    /// <summary>
    /// What to hide about this request (secret variable names, the API key); the client sets it from its options. One
    /// field, shared by every request of one options object, so a request is no larger for carrying it.
    /// </summary>
    internal RequestSecrets? Secrets { get; set; }

    /// <summary>Variables to print as <c>***</c>.</summary>
    internal ISet<string>? SecretVariables => Secrets?.Variables;

    /// <summary>
    /// <paramref name="text"/> from the server with every value of a secret variable, and the API key, replaced by
    /// <c>***</c>: a server that quotes what it was sent (<c>Variable '$token' got invalid value "…"</c>) must not
    /// carry a secret into a message or a log line. Called on failure paths only.
    /// </summary>
    internal string? RedactServerText(string? text)
    {
        if (text is null || Secrets is not { } secrets || (secrets.ApiKey is null && secrets.Variables.Count == 0))
        {
            return text;
        }

        return Redaction.Hide(text, this, secrets);
    }

    /// <summary>The variables as JSON text for messages, with secret values replaced by <c>***</c>.</summary>
    public string VariablesText => SecretVariables is { Count: > 0 } secrets ? Redact(secrets) : Encoding.UTF8.GetString(Variables.Span);

    private string Redact(ISet<string> secrets)
    {
        using var document = System.Text.Json.JsonDocument.Parse(Variables);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (IsSecret(secrets, property.Name))
                {
                    writer.WriteString(property.Name, "***");
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Alias batches rename variables name__0, name__1…; a secret stays secret under its batch name.
    // A variable keeps its secrecy under every numbered rename: token__3 in an alias batch, token__0 in a lambda query,
    // token__0__3 in a batched lambda query.
    internal static bool IsSecret(ISet<string> secrets, string name)
    {
        for (string? candidate = name; candidate is not null; candidate = Batching.AliasNaming.WithoutIndex(candidate))
        {
            if (secrets.Contains(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="other"/> reads its answer the same way, so one answer serves both.</summary>
    internal abstract bool ReadsLike(PyxisRequest other);

    /// <summary>The operation and the names of its variables; values are left out, since the secret ones are known only to the client.</summary>
    public override string ToString()
    {
        try
        {
            using var document = JsonDocument.Parse(Variables);
            return $"{OperationName}({string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name))})";
        }
        catch (JsonException)
        {
            return OperationName;
        }
    }
}

/// <summary>A typed request whose <c>data</c> is read as <typeparamref name="TData"/>.</summary>
public sealed class PyxisRequest<TData> : PyxisRequest
{
    /// <summary>Creates a request; generated <c>CreateRequest</c> methods call this.</summary>
    public PyxisRequest(string operationName, string document, ReadOnlyMemory<byte> variables, PyxisDataReader<TData> readData)
        : base(operationName, document, variables)
    {
        ReadData = readData ?? throw new ArgumentNullException(nameof(readData));
    }

    /// <summary>Reads the response's <c>data</c> object.</summary>
    public PyxisDataReader<TData> ReadData { get; }

    // Delegates are equal when they call the same method on the same target: true for generated readers and for
    // the static reader of each lambda query, not for two lambdas that ask the same document but project differently.
    internal override bool ReadsLike(PyxisRequest other) => other is PyxisRequest<TData> typed && ReadData.Equals(typed.ReadData);

    /// <summary>
    /// What <see cref="PyxisGraphQLException.PartialData"/> holds when <c>data</c> comes with errors: this applied to the
    /// data read (a lambda query's interceptor sets it to the lambda, so the exception carries the lambda's own result),
    /// or the data itself when null. When it throws over the partial data, <c>PartialData</c> is null.
    /// </summary>
    public Func<TData, object?>? ProjectPartialData { get; init; }

    /// <summary>This request as a page that adaptive sizing asks again smaller when Pyxis answers it as too big.</summary>
    internal PyxisRequest<TData> ShrinkingWhenTooBig() =>
        new(OperationName, Document, Variables, ReadData)
        {
            ProjectPartialData = ProjectPartialData,
            PartialErrors = PartialErrors,
            Aliases = Aliases,
            AllowRetries = AllowRetries,
            RetriesServerTimeouts = false,
            ShrinksWhenTooBig = true,
        };
}
