namespace Pyxis.Client;

/// <summary>
/// What one options object puts on Pyxis and takes from it (<see cref="PyxisClientOptions.Limits"/>): connections, a request
/// limiter, the size of an answer. A batch's own concurrency and request sizes are <c>BatchOptions</c>.
/// </summary>
public sealed class PyxisLimitOptions : PyxisOptionGroup
{
    internal PyxisLimitOptions(PyxisClientOptions owner)
        : base(owner, nameof(PyxisClientOptions.Limits)) { }

    /// <summary>
    /// Connections open to the endpoint at once. Over HTTP/1.1 that is also the most requests in flight; HTTP/2 multiplexes
    /// about 100 over each. A wider fan-out waits for a connection (said once in a warning and counted in
    /// <c>pyxis.client.pool.waits</c>) instead of opening one per lookup.
    /// </summary>
    /// <value>
    /// The default is 256: four times the 64 it was, enough that 1000 lookups asked for at once are no longer bound by the
    /// pool, and well under the 1024 file descriptors a process usually gets.
    /// </value>
    public int MaxConnectionsPerServer
    {
        get;
        set => field = Thawed(value);
    } = 256;

    /// <summary>
    /// A limiter every HTTP attempt takes one lease from before it is sent and returns when its answer has been read, such
    /// as the fleet-wide budget of <c>Pyxis.Client.Redis</c> (<c>AddPyxisFleetBudget</c>). It sits inside the retries, so a
    /// back-off wait holds no lease. A lease the limiter refuses (its queue is full) is retried like a 429.
    /// </summary>
    /// <value>The default is null: no limit beyond <see cref="MaxConnectionsPerServer"/> and each batch's <c>MaxConcurrency</c>.</value>
    public System.Threading.RateLimiting.RateLimiter? RequestLimiter
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>
    /// The largest response body read, whatever <c>Content-Length</c> says; a larger one fails with
    /// <see cref="PyxisResponseException"/> once that many bytes have arrived.
    /// </summary>
    /// <value>The default is 32 MiB; at least 1024.</value>
    public int MaxResponseBytes
    {
        get;
        set => field = Thawed(value);
    } = 32 * 1024 * 1024;

    internal override IEnumerable<string> Problems()
    {
        if (MaxConnectionsPerServer < 1)
        {
            yield return $"{Named(nameof(MaxConnectionsPerServer))} must be at least 1, not {MaxConnectionsPerServer}.";
        }

        if (MaxResponseBytes < 1024)
        {
            yield return $"{Named(nameof(MaxResponseBytes))} must be at least 1024, not {MaxResponseBytes}.";
        }
    }
}
