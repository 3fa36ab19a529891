using Pyxis.Client.Runtime;

namespace Pyxis.Client;

/// <summary>
/// What makes an operation's answer whole, checked inside the call that read it (generated operations create one and set
/// it as <see cref="PyxisRequest{TData}.Check"/>): a Pyxis envelope whose error fails the call with the call's status,
/// trace id and redaction, or root fields whose absence keeps the answer out of the result cache.
/// </summary>
/// <typeparam name="TData">What the answer is read as: an operation's <c>Data</c>, or one alias's root field.</typeparam>
public sealed class PyxisRootCheck<TData>
{
    private readonly Func<TData, IPyxisEnvelope?>? envelope;
    private readonly Func<TData, bool>? present;
    private readonly bool page;

    private PyxisRootCheck(Func<TData, IPyxisEnvelope?>? envelope, Func<TData, bool>? present, bool page)
    {
        this.envelope = envelope;
        this.present = present;
        this.page = page;
    }

    /// <summary>A single-entity lookup: the envelope <paramref name="select"/> finds must be there; a 404 in it is "not found".</summary>
    public static PyxisRootCheck<TData> Entity(Func<TData, IPyxisEnvelope?> select) =>
        new(select ?? throw new ArgumentNullException(nameof(select)), null, page: false);

    /// <summary>A page: the envelope <paramref name="select"/> finds must be there, and any error in it fails the call.</summary>
    public static PyxisRootCheck<TData> Page(Func<TData, IPyxisEnvelope?> select) =>
        new(select ?? throw new ArgumentNullException(nameof(select)), null, page: true);

    /// <summary>
    /// An answer without an envelope: whole when <paramref name="complete"/> says every root field it asked for came
    /// (a null root is an answer, not a failure, but it is asked for again rather than replayed from the cache).
    /// </summary>
    public static PyxisRootCheck<TData> Present(Func<TData, bool> complete) =>
        new(null, complete ?? throw new ArgumentNullException(nameof(complete)), page: false);

    /// <summary>
    /// Throws the call's <see cref="PyxisException"/> when the envelope reports an error (other than an entity's 404) or
    /// is missing; otherwise says whether <paramref name="data"/> is whole enough to keep in the result cache.
    /// </summary>
    internal bool Verify(in PyxisCall call, TData data)
    {
        if (envelope is null)
        {
            return present!(data);
        }

        var found = envelope(data);
        if (found is null)
        {
            throw new PyxisResponseException(
                call,
                page
                    ? "the root field was null instead of a page"
                    : "the root field was null or missing, without a Pyxis error envelope to say why"
            );
        }

        if (found.HasError && (page || found.ErrorStatus != 404))
        {
            var detail = ServerText.HiddenAndCapped(call, found.ErrorDetail); // hidden before the cut, which could halve a secret
            throw new PyxisException(
                call,
                $"Pyxis error {found.ErrorStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(no status)"}: {detail ?? "(no detail)"}",
                found.ErrorStatus,
                detail
            );
        }

        return true;
    }
}
