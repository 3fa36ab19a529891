using Pyxis.Client;

namespace Pyxis.Cli.Bench;

/// <summary>An out-of-process emulator and a client that counts its requests.</summary>
internal sealed class BenchSession : IAsyncDisposable
{
    private readonly EmulatorProcess emulator;
    private readonly HttpClient http;

    private BenchSession(EmulatorProcess emulator, CountingHandler counter)
    {
        this.emulator = emulator;
        Counter = counter;
        http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        Client = new PyxisClient(http, Options(cacheDuration: TimeSpan.Zero));
    }

    public PyxisClient Client { get; }

    /// <summary>The emulator's endpoint, for clients a bench builds itself.</summary>
    public Uri Endpoint => emulator.Endpoint;

    /// <summary>A client with the result cache on, a new cache each time, counted by the same handler.</summary>
    public PyxisClient CreateCachingClient(TimeSpan cacheDuration) => new(http, Options(cacheDuration));

    /// <summary>A client with options of its own (nothing learned yet), counted by the same handler.</summary>
    public PyxisClient CreateClient(Action<PyxisClientOptions> configure)
    {
        var options = Options(TimeSpan.Zero);
        configure(options);
        return new PyxisClient(http, options);
    }

    public CountingHandler Counter { get; }

    public static async Task<BenchSession> StartAsync(string emulatorArguments, CancellationToken ct) =>
        new(await EmulatorProcess.StartAsync(emulatorArguments, ct), new CountingHandler());

    private PyxisClientOptions Options(TimeSpan cacheDuration) =>
        new()
        {
            Endpoint = emulator.Endpoint,
            Timeouts = { Total = TimeSpan.FromMinutes(5) },
            Cache = { Duration = cacheDuration },
        };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        http.Dispose();
        await emulator.DisposeAsync();
    }
}
