namespace Pyxis.Cli.Bench;

/// <summary>Counts the HTTP requests a client sends, since the emulator's own counters live in another process.</summary>
internal sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public CountingHandler()
        : this(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { }

    private long requests;

    public long Requests => Interlocked.Read(ref requests);

    public void Reset() => Interlocked.Exchange(ref requests, 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        return base.SendAsync(request, cancellationToken);
    }
}
