namespace Pyxis.Client;

/// <summary>
/// Sends typed Pyxis operations. Generated methods (<c>GetRepositoryByRegistryPathAsync</c> and your own)
/// extend this interface, so a test double only has to implement <see cref="ExecuteAsync{TData}"/>; the answer's Pyxis
/// envelope is checked inside that call (<see cref="PyxisRequest{TData}.Check"/>), which
/// <see cref="Testing.PyxisFakeClient"/> does for you.
/// </summary>
public interface IPyxisClient
{
    /// <summary>Sends <paramref name="request"/> and reads its <c>data</c>.</summary>
    /// <exception cref="PyxisGraphQLException">The server answered with GraphQL <c>errors</c>.</exception>
    /// <exception cref="PyxisTransportException">The request did not get a successful HTTP answer.</exception>
    /// <exception cref="PyxisResponseException">The answer was not the JSON the operation expects, or a root field was null without an envelope.</exception>
    /// <exception cref="PyxisException">The answer's Pyxis envelope reported an error (other than a lookup's 404).</exception>
    Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default);
}
