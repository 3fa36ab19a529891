namespace Pyxis.Client;

/// <summary>How long a call and each of its HTTP attempts may take (<see cref="PyxisClientOptions.Timeouts"/>).</summary>
public sealed class PyxisTimeoutOptions : PyxisOptionGroup
{
    internal PyxisTimeoutOptions(PyxisClientOptions owner)
        : base(owner, nameof(PyxisClientOptions.Timeouts)) { }

    /// <summary>
    /// How long one call may take, every attempt and wait included, before it fails with <see cref="PyxisTransportException"/>.
    /// </summary>
    /// <value>The default is 5 minutes: Pyxis pages with RPM manifests take tens of seconds (Freshmaker allows 300 s).</value>
    public TimeSpan Total
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromMinutes(5);

    /// <summary>How long one HTTP attempt (headers and body) may take before it is abandoned and retried.</summary>
    /// <value>The default is 2 minutes.</value>
    public TimeSpan Attempt
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromMinutes(2);

    internal override IEnumerable<string> Problems()
    {
        if (!IsPositiveOrInfinite(Total))
        {
            yield return $"{Named(nameof(Total))} must be positive, not {Total}.";
        }

        if (!IsPositiveOrInfinite(Attempt))
        {
            yield return $"{Named(nameof(Attempt))} must be positive, not {Attempt}.";
        }
    }
}
