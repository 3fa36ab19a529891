namespace Pyxis.Client.Batching;

/// <summary>
/// The client one batch item calls through: the same <see cref="PyxisClient"/>, told which concurrency slot the item holds,
/// so a Pyxis server-timeout wait lends that slot to the other items.
/// </summary>
internal sealed class LendingClient(PyxisClient client, ConcurrencySlot slot) : IPyxisClient
{
    public PyxisClient Client => client;

    /// <summary>The client an item of a batch run by <paramref name="client"/> calls through.</summary>
    public static IPyxisClient For(IPyxisClient client, ConcurrencySlot slot) =>
        client is PyxisClient pyxis ? new LendingClient(pyxis, slot) : client;

    public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default) =>
        client.ExecuteAsync(request, slot, cancellationToken);
}
