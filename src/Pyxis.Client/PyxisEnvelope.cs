using Pyxis.Client.Runtime;

namespace Pyxis.Client;

/// <summary>A Pyxis response envelope: every root field answers <c>{ data, error { status detail } }</c>.</summary>
public interface IPyxisEnvelope
{
    /// <summary>Whether the envelope carries an error.</summary>
    bool HasError { get; }

    /// <summary>The error's status (HTTP-like: 404, 500…), if selected.</summary>
    int? ErrorStatus { get; }

    /// <summary>The error's detail text, if selected.</summary>
    string? ErrorDetail { get; }
}

/// <summary>Turns Pyxis envelopes into values or <see cref="PyxisException"/>; generated methods call it.</summary>
public static class PyxisEnvelope
{
    /// <summary>
    /// A single-entity lookup: the envelope, or null when Pyxis says 404 (not found). A root field that is null or
    /// missing without an envelope is not "not found" but a broken answer (<see cref="PyxisResponseException"/>).
    /// </summary>
    public static TEnvelope? Entity<TEnvelope>(PyxisRequest request, TEnvelope? envelope)
        where TEnvelope : class, IPyxisEnvelope
    {
        if (envelope is null)
        {
            throw new PyxisResponseException(request, "the root field was null or missing, without a Pyxis error envelope to say why");
        }

        if (!envelope.HasError)
        {
            return envelope;
        }

        return envelope.ErrorStatus == 404 ? null : throw Error(request, envelope);
    }

    /// <summary>A page of results: the envelope, or an exception when Pyxis reported an error or sent nothing.</summary>
    public static TEnvelope Page<TEnvelope>(PyxisRequest request, TEnvelope? envelope)
        where TEnvelope : class, IPyxisEnvelope
    {
        if (envelope is null)
        {
            throw new PyxisResponseException(request, "the root field was null instead of a page");
        }

        return envelope.HasError ? throw Error(request, envelope) : envelope;
    }

    private static PyxisException Error(PyxisRequest request, IPyxisEnvelope envelope)
    {
        var detail = ServerText.HiddenAndCapped(request, envelope.ErrorDetail);
        return new(
            request,
            $"Pyxis error {envelope.ErrorStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(no status)"}: {detail ?? "(no detail)"}",
            envelope.ErrorStatus,
            detail
        );
    }
}
