namespace Pyxis.Client.Runtime;

/// <summary>Retries of Pyxis's "unable to fetch data from MongoDB in time": how many, and the doubling waits before them.</summary>
internal readonly record struct ServerTimeoutPolicy(int Retries, TimeSpan FirstDelay, TimeProvider Clock)
{
    /// <summary>
    /// No retries: for <see cref="IPyxisClient"/> implementations other than <see cref="PyxisClient"/>, whose policy is unknown.
    /// </summary>
    public static ServerTimeoutPolicy None { get; } = new(0, TimeSpan.Zero, TimeProvider.System);

    public static ServerTimeoutPolicy Of(IPyxisClient client) => PyxisClient.Of(client) is { } pyxis ? pyxis.ServerTimeouts : None;

    /// <summary>The wait before retry <paramref name="retry"/> (1 = the first).</summary>
    public TimeSpan DelayBefore(int retry) => FirstDelay * Math.Pow(2, retry - 1);
}
