namespace Pyxis.Client;

/// <summary>
/// The result cache (<see cref="PyxisClientOptions.Cache"/>): answers to identical queries (same document and variables)
/// reused for <see cref="Duration"/>. Failures are never kept and mutations never cached. The cache belongs to the options
/// object, so every client made from it (all of them, with <c>AddPyxisClient</c>) shares it.
/// </summary>
public sealed class PyxisCacheOptions : PyxisOptionGroup
{
    internal PyxisCacheOptions(PyxisClientOptions owner)
        : base(owner, nameof(PyxisClientOptions.Cache)) { }

    /// <summary>How long an answer is reused. While it is on, identical queries in flight together also share one request.</summary>
    /// <value>The default is zero: caching off.</value>
    public TimeSpan Duration
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>Bytes of answers the in-process cache keeps at most; beyond that, answers are evicted or not kept. Not applied to a <see cref="Store"/> you supply.</summary>
    /// <value>The default is 64 MiB.</value>
    public long MemoryLimit
    {
        get;
        set => field = Thawed(value);
    } = 64L * 1024 * 1024;

    /// <summary>
    /// Where answers are kept while <see cref="Duration"/> is set. With a distributed level (Redis, Garnet…) a fleet of
    /// workers asks Pyxis once per query.
    /// </summary>
    /// <value>
    /// The default is null: an in-process cache per options object; with <c>AddPyxisClient</c>, the application's registered
    /// <see cref="Microsoft.Extensions.Caching.Hybrid.HybridCache"/> when there is one.
    /// </value>
    public Microsoft.Extensions.Caching.Hybrid.HybridCache? Store
    {
        get;
        set => field = Thawed(value);
    }

    internal override IEnumerable<string> Problems()
    {
        if (Duration < TimeSpan.Zero)
        {
            yield return $"{Named(nameof(Duration))} must be zero (off) or positive, not {Duration}.";
        }

        if (MemoryLimit < 1)
        {
            yield return $"{Named(nameof(MemoryLimit))} must be at least 1 byte, not {MemoryLimit}.";
        }
    }
}
