using System.Runtime.CompilerServices;
using Pyxis.Client.Lambdas;

namespace Pyxis.Client;

/// <summary>
/// Streams every item of a paginated Pyxis query. Page 0 tells the <c>total</c>; the remaining pages are
/// fetched concurrently within a window of <see cref="PyxisPaging.MaxConcurrency"/> pages, so memory stays
/// bounded and no empty page is requested. Without a total, pages are read in turn until a short page.
/// Stopping early cancels the pages still in flight. Page sizes adapt (<see cref="PyxisPaging.AdaptPageSize"/>):
/// a page Pyxis answers as too big is fetched again as smaller pages, and the size grows back as pages succeed.
/// </summary>
public static class PyxisPagination
{
    /// <summary>Streams the items of all pages at a fixed page size (kept for code generated before adaptive page sizes).</summary>
    public static IAsyncEnumerable<TItem> StreamAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, int?>? total,
        int pageSize,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        return StreamAsync((page, _, ct) => fetchPage(page.Index, ct), items, total, pageSize, paging, adaptive: false, cancellationToken);
    }

    /// <summary>
    /// Streams the items of all pages, each fetched at the page and size given (kept for code generated before pages were
    /// fetched through the stream's client: a page too big is retried at its size before it is asked smaller).
    /// </summary>
    public static IAsyncEnumerable<TItem> StreamAsync<TPage, TItem>(
        Func<PyxisPage, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, int?>? total,
        int pageSize,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        return StreamAsync((page, _, ct) => fetchPage(page, ct), items, total, pageSize, paging, adaptive: null, cancellationToken);
    }

    /// <summary>
    /// Streams the items of all pages, each fetched through the client <paramref name="fetchPage"/> is given at the page and
    /// size given; generated <c>…AllAsync</c> methods call this. A page that can still shrink is fetched through a client on
    /// which a Pyxis server timeout or a 5xx is not retried, so it is asked again smaller at once.
    /// </summary>
    public static IAsyncEnumerable<TItem> StreamAsync<TPage, TItem>(
        IPyxisClient client,
        Func<IPyxisClient, PyxisPage, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, int?>? total,
        int pageSize,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fetchPage);
        return Through(client, PageClient.For(client), fetchPage, items, total, pageSize, paging, cancellationToken);
    }

    /// <summary>
    /// Streams the items of all pages through a named schema's client (<see cref="IPyxisSchemaClient{TSelf}"/>), as
    /// <see cref="StreamAsync{TPage, TItem}(IPyxisClient, Func{IPyxisClient, PyxisPage, CancellationToken, Task{TPage}}, Func{TPage, IReadOnlyList{TItem}}, Func{TPage, int?}, int, PyxisPaging?, CancellationToken)"/> does.
    /// </summary>
    public static IAsyncEnumerable<TItem> StreamAsync<TClient, TPage, TItem>(
        TClient client,
        Func<TClient, PyxisPage, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, int?>? total,
        int pageSize,
        PyxisPaging? paging = null,
        CancellationToken cancellationToken = default
    )
        where TClient : class, IPyxisSchemaClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fetchPage);
        return Through(client, TClient.Create(PageClient.For(client.Client)), fetchPage, items, total, pageSize, paging, cancellationToken);
    }

    // A page that can still shrink goes through the client on which a too-big answer is not retried at its size.
    private static IAsyncEnumerable<TItem> Through<TClient, TPage, TItem>(
        TClient client,
        TClient shrinking,
        Func<TClient, PyxisPage, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, int?>? total,
        int pageSize,
        PyxisPaging? paging,
        CancellationToken cancellationToken
    ) =>
        StreamAsync(
            (page, canShrink, ct) => fetchPage(canShrink ? shrinking : client, page, ct),
            items,
            total,
            pageSize,
            paging,
            adaptive: null,
            cancellationToken
        );

    private static async IAsyncEnumerable<TItem> StreamAsync<TPage, TItem>(
        Func<PyxisPage, bool, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, int?>? total,
        int pageSize,
        PyxisPaging? paging,
        bool? adaptive,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        paging ??= new PyxisPaging();
        ArgumentOutOfRangeException.ThrowIfLessThan(paging.MaxConcurrency, 1, nameof(PyxisPaging.MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(paging.MaxPages, 1, nameof(PyxisPaging.MaxPages));
        ArgumentOutOfRangeException.ThrowIfLessThan(paging.MinPageSize, 1, nameof(PyxisPaging.MinPageSize));
        var sizing = new PageSizing(pageSize, paging, adaptive ?? paging.AdaptPageSize);
        var operation = OperationOf<TPage>();

        var (firstPage, first) = await FetchWholeAsync(fetchPage, sizing, sizing.At(0), operation, cancellationToken).ConfigureAwait(false);
        var firstItems = items(first) ?? [];
        foreach (var item in firstItems)
        {
            yield return item;
        }

        if (total?.Invoke(first) is not { } count)
        {
            var read = SequentialAsync(
                fetchPage,
                items,
                sizing,
                firstPage.Size,
                firstItems.Count,
                paging.MaxPages,
                operation,
                cancellationToken
            );
            await foreach (var item in read.ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        var pages = Math.Ceiling(Math.Max(count, 0) / (double)pageSize);
        if (pages > paging.MaxPages)
        {
            throw new PyxisPagingException(
                operation,
                $"the total ({count}) needs {pages} pages of {pageSize}, more than PyxisPaging.MaxPages ({paging.MaxPages})"
            );
        }

        var window = new PageWindow<TPage>(fetchPage, sizing, paging, operation, firstPage.Size, count);
        await foreach (var (page, answer) in window.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var pageItems = items(answer) ?? [];
            if (pageItems.Count == 0)
            {
                // Stops the window too: a lying total must not cost thousands of empty requests.
                throw new PyxisPagingException(
                    operation,
                    $"the page of {page.Size} items at {page.Index * page.Size} of the {count} that the total promised came back empty"
                );
            }

            foreach (var item in pageItems)
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<TItem> SequentialAsync<TPage, TItem>(
        Func<PyxisPage, bool, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        PageSizing sizing,
        int firstSize,
        int firstCount,
        int maxPages,
        string operation,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        for (int index = 1, offset = firstCount, lastCount = firstCount, lastSize = firstSize; lastCount >= lastSize; index++)
        {
            if (index >= maxPages)
            {
                throw new PyxisPagingException(operation, $"every page so far was full and PyxisPaging.MaxPages ({maxPages}) is reached");
            }

            var (page, answer) = await FetchWholeAsync(fetchPage, sizing, sizing.At(offset), operation, ct).ConfigureAwait(false);
            var pageItems = items(answer) ?? [];
            (lastCount, lastSize, offset) = (pageItems.Count, page.Size, offset + pageItems.Count);
            foreach (var item in pageItems)
            {
                yield return item;
            }
        }
    }

    // A page read in turn (page 0, or pages without a total): too big, it is asked again at the next size down.
    private static async Task<(PyxisPage Page, TPage Answer)> FetchWholeAsync<TPage>(
        Func<PyxisPage, bool, CancellationToken, Task<TPage>> fetchPage,
        PageSizing sizing,
        PyxisPage page,
        string operation,
        CancellationToken ct
    )
    {
        while (true)
        {
            try
            {
                var answer = await fetchPage(page, sizing.CanShrink(page.Size), ct).ConfigureAwait(false);
                sizing.Succeeded(page.Size);
                return (page, answer);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && sizing.ShouldSplit(ex, page.Size))
            {
                page = sizing.Split(page, ex, operation).First();
            }
        }
    }

    // Generated page types are nested in their operation's class (FindImagesQuery.FindImages).
    private static string OperationOf<TPage>() => (typeof(TPage).DeclaringType ?? typeof(TPage)).Name;
}
