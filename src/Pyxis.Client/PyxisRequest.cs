using System.Text.Json;

namespace Pyxis.Client;

/// <summary>Reads a value from the current position of <paramref name="reader"/> (generated, no reflection).</summary>
public delegate T PyxisDataReader<out T>(ref Utf8JsonReader reader);

/// <summary>
/// What is sent: the operation, its document and its variables. Immutable: what the answer brings (status, trace id) and
/// what a failure says are told by the exception, never written back into the request.
/// </summary>
public abstract class PyxisRequest
{
    private protected PyxisRequest(string operationName, string document, ReadOnlyMemory<byte> variables)
    {
        OperationName = operationName;
        Document = document;
        Variables = variables;
    }

    /// <summary>A copy of <paramref name="other"/>: what <c>With…</c> methods start from, since a request never changes.</summary>
    private protected PyxisRequest(PyxisRequest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (OperationName, Document, Variables) = (other.OperationName, other.Document, other.Variables);
        (KeepsPartialErrors, Aliases, RetriesServerTimeouts, AllowRetries) = (
            other.KeepsPartialErrors,
            other.Aliases,
            other.RetriesServerTimeouts,
            other.AllowRetries
        );
    }

    /// <summary>The GraphQL operation name.</summary>
    public string OperationName { get; }

    /// <summary>The GraphQL document sent, checked against the schema at build time.</summary>
    public string Document { get; }

    /// <summary>The variables as UTF-8 JSON. User values travel only here, never inside <see cref="Document"/>.</summary>
    public ReadOnlyMemory<byte> Variables { get; }

    /// <summary>
    /// Whether GraphQL errors next to data go to the data read (an alias batch's answer, which fails only the aliases the
    /// errors name) instead of failing the whole request.
    /// </summary>
    internal bool KeepsPartialErrors { get; init; }

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
    public bool? AllowRetries { get; init; }

    /// <summary>Whether the document is a mutation.</summary>
    public bool IsMutation => Document.AsSpan().TrimStart().StartsWith("mutation", StringComparison.Ordinal);

    internal bool Retryable => AllowRetries ?? !IsMutation;

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

    private PyxisRequest(PyxisRequest<TData> other)
        : base(other) => (ReadData, ProjectPartialData, Check) = (other.ReadData, other.ProjectPartialData, other.Check);

    /// <summary>
    /// This request with <see cref="PyxisRequest.AllowRetries"/> set (a request is immutable, so this is a copy):
    /// <c>await client.ExecuteAsync(UpdateVendorMutation.CreateRequest(…).WithAllowRetries(true))</c> for a mutation that is safe to repeat.
    /// </summary>
    public PyxisRequest<TData> WithAllowRetries(bool? allowRetries) => new(this) { AllowRetries = allowRetries };

    /// <summary>This request as a page that adaptive sizing asks again smaller when Pyxis answers it as too big.</summary>
    internal PyxisRequest<TData> ShrinkingWhenTooBig() => new(this) { RetriesServerTimeouts = false, ShrinksWhenTooBig = true };

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

    /// <summary>
    /// What makes an answer whole (a generated operation sets it): its Pyxis envelope, checked inside the call so an error
    /// in it is a <see cref="PyxisException"/> carrying the call's status and trace id, or the root fields that must be
    /// there for the answer to enter the result cache. Null: any answer read is whole.
    /// </summary>
    public PyxisRootCheck<TData>? Check { get; init; }
}
