namespace Pyxis.Client;

/// <summary>
/// HTTP retries, and retries of Pyxis's own server timeouts (<see cref="PyxisClientOptions.Retry"/>). Mutations are retried
/// by neither unless their request sets <see cref="PyxisRequest.AllowRetries"/>.
/// </summary>
public sealed class PyxisRetryOptions : PyxisOptionGroup
{
    internal PyxisRetryOptions(PyxisClientOptions owner)
        : base(owner, nameof(PyxisClientOptions.Retry)) { }

    /// <summary>
    /// HTTP retries after a connection failure, a body that broke off, an attempt timeout, or HTTP 408, 429 or 5xx
    /// (exponential back-off with jitter from <see cref="Delay"/>, or the server's <c>Retry-After</c>).
    /// </summary>
    /// <value>The default is 3; 0 turns HTTP retries off.</value>
    public int MaxRetries
    {
        get;
        set => field = Thawed(value);
    } = 3;

    /// <summary>The base of the exponential back-off between HTTP retries.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan Delay
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Retries when Pyxis answers "unable to fetch data from MongoDB in time" (a server-side timeout inside a 200 response,
    /// which HTTP resilience cannot see). In a batch run with the client, a lookup waiting it out lends its slot to the others.
    /// </summary>
    /// <value>The default is 2, as Freshmaker (which waits 30 s, then 60 s).</value>
    public int ServerTimeoutRetries
    {
        get;
        set => field = Thawed(value);
    } = 2;

    /// <summary>The first wait before retrying a server-side timeout; each further wait doubles it.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan ServerTimeoutDelay
    {
        get;
        set => field = Thawed(value);
    } = TimeSpan.FromSeconds(30);

    internal override IEnumerable<string> Problems()
    {
        if (MaxRetries < 0)
        {
            yield return $"{Named(nameof(MaxRetries))} must be 0 or more, not {MaxRetries}.";
        }

        if (Delay < TimeSpan.Zero)
        {
            yield return $"{Named(nameof(Delay))} must not be negative, not {Delay}.";
        }

        if (ServerTimeoutRetries < 0)
        {
            yield return $"{Named(nameof(ServerTimeoutRetries))} must be 0 or more, not {ServerTimeoutRetries}.";
        }

        if (ServerTimeoutDelay < TimeSpan.Zero)
        {
            yield return $"{Named(nameof(ServerTimeoutDelay))} must not be negative, not {ServerTimeoutDelay}.";
        }
    }
}
