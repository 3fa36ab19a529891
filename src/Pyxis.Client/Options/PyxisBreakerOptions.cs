namespace Pyxis.Client;

/// <summary>
/// The circuit breaker (<see cref="PyxisClientOptions.Breaker"/>): when <see cref="FailureRatio"/> of the attempts within
/// <see cref="SamplingDuration"/> fail, once at least <see cref="MinimumThroughput"/> were made in it, calls fail at once with
/// <see cref="PyxisTransportException"/> for <see cref="BreakDuration"/> (<c>pyxis.client.breaker.opened</c> counts it).
/// </summary>
public sealed class PyxisBreakerOptions : PyxisOptionGroup
{
    internal PyxisBreakerOptions(PyxisClientOptions owner)
        : base(owner, nameof(PyxisClientOptions.Breaker)) { }

    /// <summary>The share of failed attempts that opens the circuit.</summary>
    /// <value>The default is 0.5; 1 never opens it.</value>
    public double FailureRatio
    {
        get;
        set => field = Thawed(value);
    } = 0.5;

    /// <summary>How long the circuit stays open.</summary>
    /// <value>The default is 15 seconds; at least 0.5 s.</value>
    public TimeSpan BreakDuration
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromSeconds(15);

    /// <summary>The window over which failed attempts are counted.</summary>
    /// <value>The default is 30 seconds; at least 0.5 s.</value>
    public TimeSpan SamplingDuration
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromSeconds(30);

    /// <summary>The fewest attempts within <see cref="SamplingDuration"/> before the circuit may open, so a few failures on a quiet client do not stop it.</summary>
    /// <value>The default is 100; at least 2.</value>
    public int MinimumThroughput
    {
        get;
        set => field = Thawed(value);
    } = 100;

    internal override IEnumerable<string> Problems()
    {
        if (FailureRatio is <= 0 or > 1)
        {
            yield return $"{Named(nameof(FailureRatio))} must be above 0 and at most 1, not {FailureRatio}.";
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"{Named(nameof(BreakDuration))} must be at least 0.5 s, not {BreakDuration}.";
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"{Named(nameof(SamplingDuration))} must be at least 0.5 s, not {SamplingDuration}.";
        }

        if (MinimumThroughput < 2)
        {
            yield return $"{Named(nameof(MinimumThroughput))} must be at least 2, not {MinimumThroughput}.";
        }
    }
}
