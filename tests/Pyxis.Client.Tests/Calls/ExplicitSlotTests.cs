using System.Reflection;
using Pyxis.Client.Batching;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests.Calls;

/// <summary>A batch hands its concurrency slot to the client explicitly; no ambient state carries it.</summary>
public sealed class ExplicitSlotTests
{
    [Fact]
    public void The_runtime_keeps_no_AsyncLocal_state()
    {
        var ambient = typeof(PyxisClient)
            .Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(AsyncLocal<>))
            .Select(f => $"{f.DeclaringType}.{f.Name}");

        Assert.Empty(ambient);
    }

    [Fact]
    public async Task An_operation_calling_through_the_client_it_is_handed_lends_its_slot_while_it_waits_out_a_server_timeout()
    {
        string? slow = null;
        var slowCalls = 0;
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                FieldFaultFor = call =>
                    call.Argument("repository") == slow && Interlocked.Increment(ref slowCalls) == 1
                        ? new EmulatorFault.PyxisError(500, "unable to fetch data from MongoDB in time")
                        : null,
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = session.Emulator.Endpoint, Retry = { ServerTimeoutDelay = TimeSpan.FromSeconds(4) } }
        );
        var paths = session.Paths(4);
        slow = paths[0].Repository;

        var order = await PyxisBatch
            .InCompletionOrder(
                client,
                paths,
                static (c, path, ct) => c.GetRepositoryByRegistryPathAsync(path.Registry, path.Repository, ct),
                new BatchOptions { MaxConcurrency = 1 }
            )
            .Select(i => i.Index)
            .ToListAsync();

        Assert.Equal([1, 2, 3, 0], order); // with MaxConcurrency 1, the others ran only because the waiting item lent its slot
        Assert.Equal(1, session.Emulator.Stats.MaxInFlight);
    }
}
