using System.Buffers;
using System.Text.Json;

namespace Pyxis.Client.Lambdas;

/// <summary>
/// What a lambda query's <c>q</c> is. The generated <c>PyxisQuery</c> derives from it with one method per Query root
/// field. A translated lambda runs twice: once writing the arguments its root fields are called with as the GraphQL
/// variables (<c>registry__0</c>: argument name, root field number), once over the answer, where each root field call
/// hands its selector the value read for it.
/// </summary>
public abstract class PyxisQueryRoot
{
    private const string MoreCallsThanTranslated =
        "The lambda called more root fields than were translated; a lambda query must call the same fields every time it runs.";

    private static readonly byte[] IndexSeparatorUtf8 = System.Text.Encoding.UTF8.GetBytes(Batching.AliasNaming.IndexSeparator);

    private readonly int calls;
    private readonly object?[]? answers;
    private readonly Utf8JsonWriter? writer;
    private ArrayBufferWriter<byte>? buffer;
    private object?[]? hoists;
    private int next;

    /// <summary>A root that writes the arguments of up to <paramref name="calls"/> root field calls as variables.</summary>
    protected PyxisQueryRoot(int calls)
    {
        this.calls = calls;
        writer = new Utf8JsonWriter(NoBuffer.Instance);
    }

    /// <summary>A root over the answer: <paramref name="answers"/> holds one value per root field call, in call order.</summary>
    protected PyxisQueryRoot(object?[] answers) => this.answers = answers ?? throw new ArgumentNullException(nameof(answers));

    /// <summary>Whether this root records arguments (the first run) rather than answering (the second).</summary>
    protected bool IsRecording => writer is not null;

    /// <summary>Starts the variables of one request (generated interceptors call it before running the lambda).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public void BeginRecording()
    {
        var recording = writer ?? throw new InvalidOperationException("Only a recording root records.");
        // Each request owns its variable bytes; the writer itself is reused (interceptors keep one root per thread).
        buffer = new ArrayBufferWriter<byte>();
        recording.Reset(buffer);
        recording.WriteStartObject();
        next = 0;
    }

    /// <summary>
    /// The variables written by the lambda's root field calls; it must have made every translated call. The root keeps
    /// the request's bytes until <see cref="Reset"/> (interceptors call it in <c>finally</c>, whether this threw or not).
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public ReadOnlyMemory<byte> EndRecording()
    {
        var written = buffer ?? throw new InvalidOperationException("BeginRecording was not called.");
        if (next != calls)
        {
            throw new InvalidOperationException($"The query lambda called {next} root fields; it was translated with {calls}.");
        }

        writer!.WriteEndObject();
        writer.Flush();
        return written.WrittenMemory;
    }

    /// <summary>Lets go of the request's bytes, so a recording root kept for reuse holds nothing of a past request.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public void Reset()
    {
        // A stream target would make the writer allocate a buffer of its own; this one holds nothing.
        writer?.Reset(NoBuffer.Instance);
        buffer = null;
        hoists = null;
        next = 0;
    }

    /// <summary>
    /// Hands root field call <paramref name="call"/>'s selector, in the recording run, <paramref name="start"/>: a generated
    /// object leading to the field below the root whose arguments are known only at run time, which writes them as
    /// variables (<see cref="WriteHoisted"/>) and stops the selector (<see cref="ArgumentsHoisted"/>). Generated
    /// interceptors call it before running the lambda.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public void Hoist(int call, object start)
    {
        _ = writer ?? throw new InvalidOperationException("Only a recording root records.");
        (hoists ??= new object?[calls])[call] = start ?? throw new ArgumentNullException(nameof(start));
    }

    /// <summary>Writes the name of variable <paramref name="name"/> (an argument of a field below the root) and returns the writer for its value.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Utf8JsonWriter WriteHoisted(ReadOnlySpan<byte> name)
    {
        var recording = writer ?? throw new InvalidOperationException("Only a recording root records.");
        recording.WritePropertyName(name);
        return recording;
    }

    /// <summary>What a generated field method throws once it has written its arguments: the selector goes no further.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static Exception ArgumentsHoisted() => new HoistedException();

    /// <summary>
    /// In the recording run, runs <paramref name="select"/> of root field call <paramref name="index"/> over the object
    /// given to <see cref="Hoist"/>, if any, up to the field whose arguments it writes; user code sees no value of the answer.
    /// </summary>
    protected void RecordSelector<TField, TResult>(Func<TField, TResult> select, int index)
        where TField : class
    {
        if (hoists is null || hoists[index] is not TField start)
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(select);
        try
        {
            select(start);
        }
        catch (HoistedException)
        {
            return;
        }

        throw new InvalidOperationException(
            "The selector did not reach the field whose arguments were translated to be read before the request; it must call it first, every time it runs."
        );
    }

    /// <summary>
    /// Writes variable <paramref name="name"/> with <paramref name="json"/>, a constant the generator read at build time
    /// (the argument of a field below the root); generated interceptors call it after the lambda's recording run.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public void RecordConstant(ReadOnlySpan<byte> name, ReadOnlySpan<byte> json)
    {
        var recording = writer ?? throw new InvalidOperationException("Only a recording root records.");
        recording.WritePropertyName(name);
        recording.WriteRawValue(json, skipInputValidation: true);
    }

    /// <summary>The answer read for root field call <paramref name="index"/> (answering roots only).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public object? AnswerAt(int index) =>
        answers is null ? throw new InvalidOperationException("Only an answering root has answers.") : answers[index];

    /// <summary>
    /// Whether every root field call was answered (answering roots only): a null root is read as is, but kept out of the
    /// result cache so the next call asks Pyxis again; so is an envelope reporting an error other than 404.
    /// </summary>
    internal bool IsWhole =>
        answers is not null
        && Array.TrueForAll(answers, static a => a is not null && a is not IPyxisEnvelope { HasError: true, ErrorStatus: not 404 });

    /// <summary>Starts one root field call's arguments (first run): the writer to write them with, and the call's number.</summary>
    protected Utf8JsonWriter RecordCall(out int index)
    {
        if (next >= calls)
        {
            throw new InvalidOperationException(MoreCallsThanTranslated);
        }

        index = next++;
        return writer!;
    }

    /// <summary>
    /// Writes the property name of argument <paramref name="name"/> of root field call <paramref name="index"/>: <c>name__index</c>.
    /// </summary>
    protected static void WriteVariableName(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int index)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // The generator declares the variables by the same rule (AliasNaming.Variable).
        var separator = IndexSeparatorUtf8;
        Span<byte> buffer = stackalloc byte[name.Length + separator.Length + 11];
        name.CopyTo(buffer);
        separator.CopyTo(buffer[name.Length..]);
        System.Buffers.Text.Utf8Formatter.TryFormat(index, buffer[(name.Length + separator.Length)..], out var digits);
        writer.WritePropertyName(buffer[..(name.Length + separator.Length + digits)]);
    }

    /// <summary>
    /// Applies <paramref name="select"/> to the next root field's answer (second run); a null answer gives <c>default</c>.
    /// </summary>
    protected TResult Answer<TField, TResult>(Func<TField, TResult> select)
        where TField : class
    {
        ArgumentNullException.ThrowIfNull(select);
        if (next >= answers!.Length)
        {
            throw new InvalidOperationException(MoreCallsThanTranslated);
        }

        return answers[next++] is TField value ? select(value) : default!;
    }

    // Thrown through the user's selector and caught here; never seen outside.
    private sealed class HoistedException : Exception
    {
        public HoistedException()
            : base("The arguments of a field below the root were recorded.") { }
    }

    // Where an idle recording root's writer points: a request's bytes never stay behind in a reused root.
    private sealed class NoBuffer : IBufferWriter<byte>
    {
        public static readonly NoBuffer Instance = new();

        public void Advance(int count) => throw new InvalidOperationException("BeginRecording was not called.");

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("BeginRecording was not called.");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("BeginRecording was not called.");
    }
}
