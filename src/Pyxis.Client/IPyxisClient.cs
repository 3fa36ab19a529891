namespace Pyxis.Client;

/// <summary>
/// Sends typed Pyxis operations. Generated methods (<c>GetRepositoryByRegistryPathAsync</c> and your own)
/// extend this interface, so a test double only has to implement <see cref="ExecuteAsync{TData}"/>.
/// </summary>
public interface IPyxisClient
{
    /// <summary>Sends <paramref name="request"/> and reads its <c>data</c>.</summary>
    /// <exception cref="PyxisGraphQLException">The server answered with GraphQL <c>errors</c>.</exception>
    /// <exception cref="PyxisTransportException">The request did not get a successful HTTP answer.</exception>
    /// <exception cref="PyxisResponseException">The answer was not the JSON the operation expects.</exception>
    Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default);
}
