using Pyxis.Client.Batching;

namespace Pyxis.Client;

/// <summary>Typed batch helpers over the curated operations.</summary>
public static class RepositoryBatchExtensions
{
    /// <summary>
    /// Looks up many repositories concurrently and yields each as soon as it arrives (the seed's
    /// <c>as_completed</c> loop over <c>get_repository_by_registry_path</c>). A repository Pyxis does not
    /// know yields a null value; any other failure is the item's <see cref="BatchItem{TInput, TResult}.Exception"/>.
    /// With <see cref="BatchOptions.AliasesPerRequest"/> above 1, lookups travel together under aliases.
    /// </summary>
    public static IAsyncEnumerable<
        BatchItem<(string Registry, string Repository), GetRepositoryByRegistryPathQuery.ContainerRepository?>
    > GetRepositoriesByRegistryPathAsync(
        this IPyxisClient client,
        IEnumerable<(string Registry, string Repository)> paths,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(client);
        if (options?.AliasesPerRequest > 1)
        {
            return client.ExecuteAliasedAsync(
                GetRepositoryByRegistryPathQuery.Aliased,
                paths,
                path => GetRepositoryByRegistryPathQuery.CreateRequest(path.Registry, path.Repository),
                options,
                cancellationToken
            );
        }

        return PyxisBatch.InCompletionOrder(
            client,
            paths,
            static (lending, path, ct) => lending.GetRepositoryByRegistryPathAsync(path.Registry, path.Repository, ct),
            options,
            cancellationToken
        );
    }
}
