using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>
/// An emulator with its own knobs and a client pointed at it, disposed together. The client makes no HTTP retries,
/// so tests of error accounting see each injected fault once; the resilience tests build their own clients.
/// </summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(PyxisEmulator emulator, PyxisClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public PyxisEmulator Emulator { get; }

    public PyxisClient Client { get; }

    public static async Task<EmulatorSession> StartAsync(EmulatorOptions? options = null, TimeSpan? timeout = null)
    {
        var emulator = await PyxisEmulator.StartAsync(options);
        var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = emulator.Endpoint,
                Timeouts = { Total = timeout ?? TimeSpan.FromSeconds(30) },
                Retry =
                {
                    ServerTimeoutDelay = TimeSpan.FromMilliseconds(10),
                    Delay = TimeSpan.FromMilliseconds(5),
                    MaxRetries = 0,
                },
            }
        );
        return new EmulatorSession(emulator, client);
    }

    public (string Registry, string Repository)[] Paths(int count) => Emulator.Catalog.RepositoryPaths(count).ToArray();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
