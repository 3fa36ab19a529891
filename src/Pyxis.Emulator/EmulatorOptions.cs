namespace Pyxis.Emulator;

/// <summary>How the emulator behaves: where it listens, how slow it is, what it breaks.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>When set, requests without this <c>X-API-KEY</c> header are answered 401, as Pyxis does.</summary>
    public string? RequiredApiKey { get; set; }

    /// <summary>When set, the emulator serves HTTPS with this certificate instead of plain HTTP.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? ServerCertificate { get; set; }

    /// <summary>
    /// With <see cref="ServerCertificate"/>: require a client certificate (mutual TLS, as Pyxis's certificate
    /// endpoint does) and accept the connection only when this returns true for it.
    /// </summary>
    public Func<System.Security.Cryptography.X509Certificates.X509Certificate2, bool>? ClientCertificateValidation { get; set; }

    /// <summary>
    /// The schema to serve, as SDL; null serves the bundled Pyxis schema. Tests of what a changing Pyxis does to a
    /// service (<c>pyxis schema check</c>, the schema health check) serve an edited copy. The root fields the emulator
    /// answers still answer when the schema keeps them; a schema that does not load fails <c>StartAsync</c>.
    /// </summary>
    public string? Schema { get; set; }

    /// <summary>The catalog's seed: the same seed gives the same data.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How many repositories the catalog holds.</summary>
    public int Repositories { get; set; } = 60;

    /// <summary>How many images each repository holds.</summary>
    public int ImagesPerRepository { get; set; } = 10;

    /// <summary>
    /// Time from a request's arrival to its answer (Pyxis's own think time). The emulator's execution runs inside
    /// this window, soonest-due first, so on a shared machine a fan-out's rounds take the latency asked for.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Up to this much extra wait, drawn per request from the seeded random source.</summary>
    public TimeSpan Jitter { get; set; }

    /// <summary>Overrides <see cref="Latency"/> for a request when it returns a value.</summary>
    public Func<EmulatorRequest, TimeSpan?>? LatencyFor { get; set; }

    /// <summary>
    /// Awaited after the latency and before the request is answered. Tests use it to decide exactly when each
    /// response leaves the server instead of relying on wall-clock gaps that a busy machine can close.
    /// </summary>
    public Func<EmulatorRequest, CancellationToken, Task>? AnswerWhen { get; set; }

    /// <summary>
    /// A fault for one root field call (one alias of a batched request): <see cref="EmulatorFault.PyxisError"/>
    /// answers that field with an error envelope, <see cref="EmulatorFault.GraphQLError"/> makes it a GraphQL error
    /// with the field's path. Null answers normally.
    /// </summary>
    public Func<EmulatorFieldCall, EmulatorFault?>? FieldFaultFor { get; set; }

    /// <summary>
    /// When set, a request asking for more root fields than this (aliases of a batch) is answered as Pyxis answers a query
    /// it cannot finish in time: each root field with the error envelope "unable to fetch data from MongoDB in time".
    /// For testing adaptive alias-chunk sizes. Null (the default) never times out.
    /// </summary>
    public int? TimeOutOverAliases { get; set; }

    /// <summary>
    /// When set, a paginated root field asked for a <c>page_size</c> above this is answered with the same server-timeout
    /// envelope. For testing adaptive page sizes. Null (the default) never times out.
    /// </summary>
    public int? TimeOutOverPageSize { get; set; }

    /// <summary>The fault to inject into a request, or null to answer normally.</summary>
    public Func<EmulatorRequest, EmulatorFault?>? FaultFor { get; set; }
}
