using Pyxis.Client.Runtime;
using Pyxis.Client.Transport;

namespace Pyxis.Client;

/// <summary>
/// Settings for <see cref="PyxisClient"/>, grouped by concern: what nearly every caller sets (<see cref="Endpoint"/>,
/// <see cref="ApiKey"/>) at the top, then <see cref="Timeouts"/>, <see cref="Retry"/>, <see cref="Breaker"/>,
/// <see cref="Cache"/>, <see cref="Limits"/>, <see cref="Tls"/> and <see cref="Coalescing"/>. Plain data until the first
/// client uses them; then frozen (every setter throws <see cref="InvalidOperationException"/> naming the option). Secrets set
/// here (the API key, the certificate, user information in <see cref="Endpoint"/>) never appear in logs, messages or
/// <see cref="ToString"/>.
/// </summary>
public sealed class PyxisClientOptions
{
    private readonly Lock freezing = new();
    private PyxisRuntime? runtime;
    private bool frozen;

    /// <summary>Default settings; change them before the first client uses this object.</summary>
    public PyxisClientOptions()
    {
        SecretVariables = new OptionSet(this, nameof(SecretVariables));
        Timeouts = new PyxisTimeoutOptions(this);
        Retry = new PyxisRetryOptions(this);
        Breaker = new PyxisBreakerOptions(this);
        Cache = new PyxisCacheOptions(this);
        Limits = new PyxisLimitOptions(this);
        Tls = new PyxisTlsOptions(this);
        Coalescing = new PyxisCoalescingOptions(this);
    }

    /// <summary>The public Red Hat catalog endpoint, which answers anonymous reads of published data.</summary>
    public static readonly Uri DefaultEndpoint = new("https://catalog.redhat.com/api/containers/graphql/");

    /// <summary>The GraphQL endpoint.</summary>
    /// <value>The default is <see cref="DefaultEndpoint"/>.</value>
    public Uri Endpoint
    {
        get;
        set => field = Thawed(value);
    } = DefaultEndpoint;

    /// <summary>Sent as the <c>X-API-KEY</c> header when set; CR, LF, NUL or non-ASCII are refused by validation.</summary>
    /// <value>The default is null: anonymous reads.</value>
    public string? ApiKey
    {
        get;
        set => field = Thawed(value);
    }

    /// <summary>The User-Agent header sent with every request.</summary>
    /// <value>The default is <c>Pyxis.Client/</c> and the assembly version.</value>
    public string UserAgent
    {
        get;
        set => field = Thawed(value);
    } = "Pyxis.Client/" + typeof(PyxisClientOptions).Assembly.GetName().Version;

    /// <summary>Variables whose values are replaced by <c>***</c> in exception messages and logs.</summary>
    /// <value>The default is empty.</value>
    public ISet<string> SecretVariables { get; }

    /// <summary>The whole call and each HTTP attempt.</summary>
    public PyxisTimeoutOptions Timeouts { get; }

    /// <summary>HTTP retries and Pyxis server-timeout retries.</summary>
    public PyxisRetryOptions Retry { get; }

    /// <summary>The circuit breaker, its sampling included.</summary>
    public PyxisBreakerOptions Breaker { get; }

    /// <summary>The result cache (off by default).</summary>
    public PyxisCacheOptions Cache { get; }

    /// <summary>The connection pool, a request limiter, the largest answer read.</summary>
    public PyxisLimitOptions Limits { get; }

    /// <summary>The client certificate for mutual TLS.</summary>
    public PyxisTlsOptions Tls { get; }

    /// <summary>Identical queries in flight together share one request (on by default).</summary>
    public PyxisCoalescingOptions Coalescing { get; }

    /// <summary>Clock for waits, timeouts and cache expiry; tests pass a fake one.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider
    {
        get;
        set => field = Thawed(value);
    } = TimeProvider.System;

    /// <summary>
    /// The runtime these options were frozen into: made on first use (a client, a handler from
    /// <see cref="ClientHandlerFactory.Create"/>), after which every setter throws. Validates first.
    /// </summary>
    internal PyxisRuntime Runtime => Volatile.Read(ref runtime) ?? Freeze();

    private PyxisRuntime Freeze()
    {
        lock (freezing)
        {
            if (runtime is { } made)
            {
                return made;
            }

            frozen = true; // before validating, so no setter slips in between what is checked and what is built
            try
            {
                Validate();
                Volatile.Write(ref runtime, new PyxisRuntime(this));
                return runtime!;
            }
            catch
            {
                frozen = false;
                throw;
            }
        }
    }

    // Options are plain data until a client uses them; a change after that would reach some of what was built from them
    // and not the rest (the pipeline, the cache, the pool), so it is refused instead of silently ignored.
    private T Thawed<T>(T value, [System.Runtime.CompilerServices.CallerMemberName] string option = "")
    {
        ThrowIfFrozen(option);
        return value;
    }

    internal void ThrowIfFrozen(string option)
    {
        if (Volatile.Read(ref frozen))
        {
            throw new InvalidOperationException(
                $"PyxisClientOptions.{option} cannot change after a client started using these options: the retry pipeline, cache and "
                    + "connection pool were built from them. Set it before creating the client (or in AddPyxisClient's configure), "
                    + "or make a new PyxisClientOptions for a client that needs other settings."
            );
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        var problem = Problems().FirstOrDefault();
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>Every setting that cannot work, as messages that name it.</summary>
    public IEnumerable<string> Problems()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"PyxisClientOptions.Endpoint must be an absolute http(s) URI, not '{HeaderValues.Printable(Endpoint)}'.";
        }

        foreach (var problem in new[] { HeaderValues.Problem(nameof(ApiKey), ApiKey), HeaderValues.Problem(nameof(UserAgent), UserAgent) })
        {
            if (problem is not null)
            {
                yield return problem;
            }
        }

        PyxisOptionGroup[] groups = [Timeouts, Retry, Breaker, Cache, Limits, Tls, Coalescing];
        foreach (var problem in groups.SelectMany(g => g.Problems()))
        {
            yield return problem;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Endpoint={HeaderValues.Printable(Endpoint)}, Timeouts.Total={Timeouts.Total}, ApiKey={(ApiKey is null ? "(none)" : "***")}, Tls={(Tls.HasCertificate ? "***" : "(none)")}";
}
