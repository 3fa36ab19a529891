using Image = Pyxis.Client.FindImagesQuery.ContainerImage;
using ImageWithRpms = Pyxis.Client.FindImagesWithoutTotalQuery.ContainerImage;

namespace Pyxis.Client;

/// <summary>
/// Freshmaker's image lookups, typed. Each streams every matching image across all pages; filter
/// conditions are ordered most specific first, as Pyxis answers faster.
/// </summary>
public static class ImageQueries
{
    /// <summary>Freshmaker <c>find_images_by_nvrs</c>: the images of any of these Brew builds.</summary>
    public static IAsyncEnumerable<Image?> FindImagesByNvrsAsync(
        this IPyxisClient client,
        IEnumerable<string> nvrs,
        bool includeRpms = false,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(nvrs);
        var filter = new ContainerImageFilter { Brew = new BrewFilter { Build = new StringFilter { In = [.. nvrs] } } };
        return client.FindImagesAllAsync(
            filter,
            includeRpms: includeRpms,
            pageSize: 200,
            paging: paging,
            cancellationToken: cancellationToken
        );
    }

    /// <summary>Freshmaker <c>find_images_by_names</c>: published images of these Brew packages.</summary>
    public static IAsyncEnumerable<Image?> FindImagesByNamesAsync(
        this IPyxisClient client,
        IEnumerable<string> names,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(names);
        var filter = new ContainerImageFilter
        {
            And =
            [
                new() { Brew = new BrewFilter { Package = new StringFilter { In = [.. names] } } },
                new()
                {
                    RepositoriesElemMatch = new ContainerImageRepoElemMatchFilter
                    {
                        And = [new() { Published = new BooleanFilter { Eq = true } }],
                    },
                },
            ],
        };
        return client.FindImagesAllAsync(filter, pageSize: 200, paging: paging, cancellationToken: cancellationToken);
    }

    /// <summary>Freshmaker <c>find_images_by_repository</c>: published images in a repository carrying any of the tags.</summary>
    public static IAsyncEnumerable<Image?> FindImagesByRepositoryAsync(
        this IPyxisClient client,
        string repository,
        IEnumerable<string> autoRebuildTags,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentNullException.ThrowIfNull(autoRebuildTags);
        var filter = new ContainerImageFilter
        {
            And =
            [
                new() { Repositories = new ContainerImageRepoListFilter { Repository = new StringFilter { Eq = repository } } },
                new() { Repositories = new ContainerImageRepoListFilter { Published = new BooleanFilter { Eq = true } } },
                new()
                {
                    Repositories = new ContainerImageRepoListFilter
                    {
                        Tags = new ContainerImageRepoTagListFilter { Name = new StringFilter { In = [.. autoRebuildTags] } },
                    },
                },
            ],
        };
        return client.FindImagesAllAsync(filter, pageSize: 200, paging: paging, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Freshmaker <c>find_images_by_installed_rpms</c>: images that ship any of <paramref name="rpmNames"/>, with
    /// their RPM manifest cut down to those RPMs. Pages of 50, read without <c>total</c> until a short page.
    /// The 2022 schema has no RPM filter on images, so the RPM condition is applied here, after the server's filter.
    /// </summary>
    public static async IAsyncEnumerable<ImageWithRpms> FindImagesByInstalledRpmsAsync(
        this IPyxisClient client,
        IEnumerable<string> rpmNames,
        IEnumerable<string>? contentSets = null,
        IEnumerable<string>? repositories = null,
        bool? published = null,
        IEnumerable<string>? tags = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(rpmNames);
        var wanted = rpmNames.ToHashSet(StringComparer.Ordinal);
        var filter = new ContainerImageFilter { And = InstalledRpmsConditions(contentSets, repositories, published, tags) };
        await foreach (
            var image in client
                .FindImagesWithoutTotalAllAsync(filter, pageSize: 50, cancellationToken: cancellationToken)
                .ConfigureAwait(false)
        )
        {
            var rpms = image?.Edges?.RpmManifest?.Data?.Rpms?.Where(r => r?.Name is { } name && wanted.Contains(name)).ToArray();
            if (image is not null && rpms is { Length: > 0 })
            {
                var manifest = image.Edges!.RpmManifest!;
                yield return image with
                {
                    Edges = image.Edges with
                    {
                        RpmManifest = manifest with
                        {
                            Data = manifest.Data! with { Rpms = new ValueList<FindImagesWithoutTotalQuery.Rpm?>(rpms) },
                        },
                    },
                };
            }
        }
    }

    /// <summary>
    /// Freshmaker <c>find_latest_images_by_name_version</c>: the images (every architecture) of the highest
    /// NVR built from package <paramref name="name"/> at <paramref name="version"/>; NVRs compare as RPM versions.
    /// </summary>
    public static async Task<IReadOnlyList<Image>> FindLatestImagesByNameVersionAsync(
        this IPyxisClient client,
        string name,
        string version,
        bool? published = true,
        IEnumerable<string>? contentSets = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(version);
        var conditions = new List<ContainerImageFilter?>
        {
            new() { Brew = new BrewFilter { Package = new StringFilter { Eq = name } } },
            new()
            {
                Brew = new BrewFilter
                {
                    Build = new StringFilter { Regex = "^" + RpmVersion.EscapeRegex(name + "-" + version + "-") + ".*" },
                },
            },
        };
        if (contentSets is not null)
            conditions.Add(new() { ContentSets = new StringListFilter { In = [.. contentSets] } });
        if (published is { } p)
            conditions.Add(
                new()
                {
                    RepositoriesElemMatch = new ContainerImageRepoElemMatchFilter
                    {
                        And = [new() { Published = new BooleanFilter { Eq = p } }],
                    },
                }
            );

        var sort = new SortBy { Field = "repositories.published_date", Order = SortDirectionEnum.Desc };
        var page = await client
            .FindImagesAsync(
                new ContainerImageFilter { And = conditions },
                [sort],
                page: 0,
                pageSize: 20,
                cancellationToken: cancellationToken
            )
            .ConfigureAwait(false);
        var images = page.Data?.OfType<Image>().Where(i => i.Brew?.Build is not null).ToList() ?? [];
        if (images.Count == 0)
        {
            return [];
        }

        var latest = images.Select(i => i.Brew!.Build!).Distinct(StringComparer.Ordinal).Max(RpmVersion.NvrComparer)!;
        return images.Where(i => i.Brew!.Build == latest).ToList();
    }

    private static List<ContainerImageFilter?> InstalledRpmsConditions(
        IEnumerable<string>? contentSets,
        IEnumerable<string>? repositories,
        bool? published,
        IEnumerable<string>? tags
    )
    {
        var inRepository = new List<ContainerImageRepoFilter?>();
        if (published is { } p)
            inRepository.Add(new() { Published = new BooleanFilter { Eq = p } });
        if (repositories is not null)
            inRepository.Add(new() { Repository = new StringFilter { In = [.. repositories] } });
        if (tags is not null)
            inRepository.Add(
                new()
                {
                    TagsElemMatch = new ContainerImageRepoTagElemMatchFilter
                    {
                        And = [new() { Name = new StringFilter { In = [.. tags] } }],
                    },
                }
            );

        var conditions = new List<ContainerImageFilter?>();
        if (inRepository.Count > 0)
            conditions.Add(new() { RepositoriesElemMatch = new ContainerImageRepoElemMatchFilter { And = inRepository } });
        if (contentSets is not null)
            conditions.Add(new() { ContentSets = new StringListFilter { In = [.. contentSets] } });
        return conditions;
    }
}
