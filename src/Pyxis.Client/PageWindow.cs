using System.Runtime.CompilerServices;
using Pyxis.Client.Lambdas;

namespace Pyxis.Client;

/// <summary>
/// The pages after page 0 of a stream whose total is known, fetched within a window of
/// <see cref="PyxisPaging.MaxConcurrency"/> requests and yielded in page order (or as they arrive). A page answered as too
/// big is replaced in place by its smaller pieces, so the order and the count of items stay the same.
/// </summary>
internal sealed class PageWindow<TPage>(
    Func<PyxisPage, bool, CancellationToken, Task<TPage>> fetchPage,
    PageSizing sizing,
    PyxisPaging paging,
    string operation,
    int start,
    int total
)
{
    public async IAsyncEnumerable<(PyxisPage Page, TPage Answer)> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var window = new List<(PyxisPage Page, Task<TPage> Answer)>();
        var next = start;
        try
        {
            while (next < total || window.Count > 0)
            {
                while (next < total && window.Count < paging.MaxConcurrency)
                {
                    var page = sizing.At(next);
                    window.Add((page, FetchAsync(page, stop.Token)));
                    next += page.Size;
                }

                var at = paging.Ordered ? 0 : await FirstDoneAsync(window).ConfigureAwait(false);
                var (done, answer) = window[at];
                window.RemoveAt(at);
                try
                {
                    await answer.ConfigureAwait(false);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && sizing.ShouldSplit(ex, done.Size))
                {
                    window.InsertRange(at, sizing.Split(done, ex, operation).Select(piece => (piece, FetchAsync(piece, stop.Token))));
                    continue;
                }

                sizing.Succeeded(done.Size);
                yield return (done, answer.Result);
            }
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(window.Select(w => w.Answer)).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task<TPage> FetchAsync(PyxisPage page, CancellationToken ct) =>
        await fetchPage(page, sizing.CanShrink(page.Size), ct).ConfigureAwait(false);

    private static async Task<int> FirstDoneAsync(List<(PyxisPage Page, Task<TPage> Answer)> window)
    {
        var done = await Task.WhenAny(window.Select(w => w.Answer)).ConfigureAwait(false);
        return window.FindIndex(w => ReferenceEquals(w.Answer, done));
    }
}
