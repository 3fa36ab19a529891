namespace Pyxis.Emulator;

/// <summary>Latency rules that a separate process can reproduce exactly (benchmarks compute what to expect).</summary>
public static class EmulatorLatency
{
    /// <summary>
    /// A fixed latency per repository, spread evenly over [<paramref name="min"/>, <paramref name="max"/>] by a stable
    /// hash of its name: the same repository is always as slow, in any process.
    /// </summary>
    public static TimeSpan ForRepository(string repository, TimeSpan min, TimeSpan max)
    {
        var hash = 2166136261u;
        foreach (var c in repository)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return min + (max - min) * (hash % 10_000 / 9_999.0);
    }
}
