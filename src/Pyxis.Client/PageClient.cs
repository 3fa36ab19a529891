namespace Pyxis.Client;

/// <summary>
/// The client a page that can still shrink is fetched through: the same client, but a Pyxis server timeout or a 5xx ends
/// the page's call at once, so the stream asks again smaller straight away instead of first waiting out retries at the
/// size that failed. A page at the smallest size goes through the plain client and keeps every retry.
/// </summary>
internal sealed class PageClient(IPyxisClient client) : IPyxisClient
{
    /// <summary>
    /// The client for pages that can shrink: <paramref name="client"/> itself when it is no <see cref="PyxisClient"/>, so a
    /// test double sees the requests it was given.
    /// </summary>
    public static IPyxisClient For(IPyxisClient client) => PyxisClient.Of(client) is null ? client : new PageClient(client);

    public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return client.ExecuteAsync(request.ShrinkingWhenTooBig(), cancellationToken);
    }
}
