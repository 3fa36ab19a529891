using System.Runtime.CompilerServices;

namespace Pyxis.Client;

/// <summary>
/// Streams every item of a paginated Pyxis query. Page 0 tells the <c>total</c>; the remaining pages are
/// fetched concurrently within a window of <see cref="PyxisPaging.MaxConcurrency"/> pages, so memory stays
/// bounded and no empty page is requested. Without a total, pages are read in turn until a short page.
/// Stopping early cancels the pages still in flight.
/// </summary>
public static class PyxisPagination
{
    /// <summary>Streams the items of all pages; generated <c>…AllAsync</c> methods call this.</summary>
    public static async IAsyncEnumerable<TItem> StreamAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, int?>? total,
        int pageSize,
        PyxisPaging? paging = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        paging ??= new PyxisPaging();
        ArgumentOutOfRangeException.ThrowIfLessThan(paging.MaxConcurrency, 1, nameof(PyxisPaging.MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(paging.MaxPages, 1, nameof(PyxisPaging.MaxPages));

        var first = await fetchPage(0, cancellationToken).ConfigureAwait(false);
        var firstItems = items(first) ?? [];
        foreach (var item in firstItems)
        {
            yield return item;
        }

        if (total?.Invoke(first) is not { } count)
        {
            await foreach (
                var item in SequentialAsync(fetchPage, items, pageSize, firstItems.Count, paging.MaxPages, cancellationToken)
                    .ConfigureAwait(false)
            )
            {
                yield return item;
            }

            yield break;
        }

        var pages = Math.Ceiling(Math.Max(count, 0) / (double)pageSize);
        if (pages > paging.MaxPages)
        {
            throw new PyxisPagingException(
                OperationOf<TPage>(),
                $"the total ({count}) needs {pages} pages of {pageSize}, more than PyxisPaging.MaxPages ({paging.MaxPages})"
            );
        }

        await foreach (var (index, page) in ConcurrentAsync(fetchPage, (int)pages, paging, cancellationToken).ConfigureAwait(false))
        {
            var pageItems = items(page) ?? [];
            if (pageItems.Count == 0)
            {
                // Stops the window too: a lying total must not cost thousands of empty requests.
                throw new PyxisPagingException(
                    OperationOf<TPage>(),
                    $"page {index} of the {pages} that the total ({count}) promised came back empty"
                );
            }

            foreach (var item in pageItems)
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<TItem> SequentialAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        int pageSize,
        int firstCount,
        int maxPages,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        for (int index = 1, lastCount = firstCount; lastCount >= pageSize; index++)
        {
            if (index >= maxPages)
            {
                throw new PyxisPagingException(
                    OperationOf<TPage>(),
                    $"every page so far was full and PyxisPaging.MaxPages ({maxPages}) is reached"
                );
            }

            var page = items(await fetchPage(index, ct).ConfigureAwait(false)) ?? [];
            lastCount = page.Count;
            foreach (var item in page)
            {
                yield return item;
            }
        }
    }

    // Generated page types are nested in their operation's class (FindImagesQuery.FindImages).
    private static string OperationOf<TPage>() => (typeof(TPage).DeclaringType ?? typeof(TPage)).Name;

    private static async IAsyncEnumerable<(int Index, TPage Page)> ConcurrentAsync<TPage>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        int pages,
        PyxisPaging paging,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var window = new List<Task<(int, TPage)>>();
        var next = 1;
        try
        {
            while (next < pages || window.Count > 0)
            {
                while (next < pages && window.Count < paging.MaxConcurrency)
                {
                    window.Add(FetchAsync(fetchPage, next++, stop.Token));
                }

                var done = paging.Ordered ? window[0] : await Task.WhenAny(window).ConfigureAwait(false);
                window.Remove(done);
                yield return await done.ConfigureAwait(false);
            }
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(window).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static async Task<(int, TPage)> FetchAsync<TPage>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        int index,
        CancellationToken ct
    ) => (index, await fetchPage(index, ct).ConfigureAwait(false));
}
