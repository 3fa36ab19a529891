namespace Pyxis.Client;

/// <summary>
/// Freshmaker's repository lookups, typed. Each streams every matching repository across all pages
/// (page size 200), with the filter conditions ordered most specific first, as Pyxis answers faster.
/// </summary>
public static class RepositoryQueries
{
    private const int PageSize = 200;

    /// <summary>Freshmaker <c>find_repositories</c>: Red Hat repositories matching every given criterion.</summary>
    public static IAsyncEnumerable<FindRepositoriesQuery.ContainerRepository?> FindRepositoriesByCriteriaAsync(
        this IPyxisClient client,
        bool? published = null,
        IEnumerable<string>? releaseCategories = null,
        IEnumerable<string>? autoRebuildTags = null,
        IEnumerable<string>? names = null,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        var conditions = new List<ContainerRepositoryFilter?> { RedHat };
        if (published is { } p)
            conditions.Add(new() { Published = new BooleanFilter { Eq = p } });
        if (releaseCategories is not null)
            conditions.Add(new() { ReleaseCategories = new StringListFilter { In = [.. releaseCategories] } });
        if (autoRebuildTags is not null)
            conditions.Add(new() { AutoRebuildTags = new StringListFilter { In = [.. autoRebuildTags] } });
        if (names is not null)
            conditions.Add(new() { Repository = new StringFilter { In = [.. names] } });
        return client.FindRepositoriesAllAsync(
            new ContainerRepositoryFilter { And = conditions },
            pageSize: PageSize,
            paging: paging,
            cancellationToken: cancellationToken
        );
    }

    /// <summary>Freshmaker <c>find_repositories_by_repository_name</c>: the Red Hat repositories with this path, in any registry.</summary>
    public static IAsyncEnumerable<FindRepositoriesQuery.ContainerRepository?> FindRepositoriesByRepositoryNameAsync(
        this IPyxisClient client,
        string repository,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        var filter = new ContainerRepositoryFilter { And = [new() { Repository = new StringFilter { Eq = repository } }, RedHat] };
        return client.FindRepositoriesAllAsync(filter, pageSize: PageSize, paging: paging, cancellationToken: cancellationToken);
    }

    /// <summary>Freshmaker <c>find_repositories_by_registry_paths</c>: many (registry, repository) pairs in one filter.</summary>
    public static IAsyncEnumerable<FindRepositoriesQuery.ContainerRepository?> FindRepositoriesByRegistryPathsAsync(
        this IPyxisClient client,
        IEnumerable<(string Registry, string Repository)> paths,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(paths);
        var any = paths
            .Select(p =>
                (ContainerRepositoryFilter?)
                    new ContainerRepositoryFilter
                    {
                        And =
                        [
                            new() { Registry = new StringFilter { Eq = p.Registry } },
                            new() { Repository = new StringFilter { Eq = p.Repository } },
                        ],
                    }
            )
            .ToList();
        return client.FindRepositoriesAllAsync(
            new ContainerRepositoryFilter { Or = any },
            pageSize: PageSize,
            paging: paging,
            cancellationToken: cancellationToken
        );
    }

    private static ContainerRepositoryFilter RedHat => new() { VendorLabel = new StringFilter { Eq = "redhat" } };
}
