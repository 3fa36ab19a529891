using Pyxis.Client.Batching;
using Pyxis.Client.Lambdas;
using Pyxis.Client.Telemetry;

namespace Pyxis.Client;

/// <summary>
/// The page sizes of one paged stream. Pyxis pages by number (<c>page</c> × <c>page_size</c>), so every page must start
/// at a multiple of its own size: sizes come from a ladder that divides the asked size (200, 100, 50, 25, 5, 1), and
/// each is a multiple of every size below it. A page Pyxis answers as too big (server timeout, 5xx, complexity error)
/// is fetched again as the pieces one step down the ladder, and later pages use that size; after
/// <see cref="GrowAfter"/> pages in a row succeed the size climbs back one step, never to a size that failed (until
/// <see cref="AdaptiveSize.ProbeAfter"/> successes have passed). As with <see cref="AdaptiveSize"/>, a bare 5xx (not
/// Pyxis's server timeout, not a complexity error) marks its size as failed only when a second one follows before a page
/// as big succeeds, and until then the size climbs back after one good page, so a random 5xx costs about the split page,
/// never the size for good.
/// </summary>
internal sealed class PageSizing
{
    /// <summary>Pages in a row that must succeed before the size climbs one step back up.</summary>
    public const int GrowAfter = 4;

    private readonly object gate = new();
    private readonly int[] ladder; // largest first
    private readonly int min;
    private readonly bool adaptive;
    private int current; // index into the ladder
    private int ceiling = int.MaxValue;
    private int streak;
    private int sinceFailure;
    private int suspect = int.MaxValue; // the smallest size that maybe by chance came back too big, since a success at or above it

    public PageSizing(int pageSize, PyxisPaging paging, bool adaptive)
    {
        var steps = new List<int> { pageSize };
        while (steps[^1] > 1)
        {
            steps.Add(Smaller(steps[^1]));
        }

        ladder = [.. steps];
        min = Math.Min(paging.MinPageSize, pageSize);
        this.adaptive = adaptive;
    }

    /// <summary>The page to fetch at <paramref name="offset"/>: the learned size, or the largest below it that the offset is a multiple of.</summary>
    public PyxisPage At(int offset)
    {
        lock (gate)
        {
            var step = current;
            while (step < ladder.Length - 1 && offset % ladder[step] != 0)
            {
                step++;
            }

            return new PyxisPage(offset / ladder[step], ladder[step]);
        }
    }

    /// <summary>Whether <paramref name="error"/> on a page of <paramref name="size"/> means: ask for less.</summary>
    public bool ShouldSplit(Exception error, int size) => CanShrink(size) && AdaptiveSize.IsTooBig(error);

    /// <summary>Whether a page of <paramref name="size"/> that comes back too big is asked again smaller (so not retried as it is).</summary>
    public bool CanShrink(int size) => adaptive && size > 1 && Smaller(size) >= min;

    /// <summary>The pieces a page that was too big is fetched again as (each aligned, since the sizes divide each other).</summary>
    public IEnumerable<PyxisPage> Split(PyxisPage page, Exception error, string operation)
    {
        var size = Math.Max(Smaller(page.Size), 1);
        lock (gate)
        {
            var believed = AdaptiveSize.IsCertainlyTooBig(error) || suspect != int.MaxValue;
            if (believed)
            {
                (ceiling, sinceFailure) = (Math.Min(ceiling, Math.Min(page.Size, suspect) - 1), 0);
            }

            (suspect, streak) = (believed ? int.MaxValue : page.Size, 0);
            while (current < ladder.Length - 1 && ladder[current] > size)
            {
                current++;
            }
        }

        PyxisTelemetry.SizeShrinks.Add(1, PyxisTelemetry.Operation(operation), PyxisTelemetry.SizeKind("page_size"));
        var offset = page.Index * page.Size;
        return Enumerable.Range(0, page.Size / size).Select(k => new PyxisPage((offset + k * size) / size, size));
    }

    /// <summary>A page of <paramref name="size"/> was answered.</summary>
    public void Succeeded(int size)
    {
        lock (gate)
        {
            suspect = size >= suspect ? int.MaxValue : suspect; // as big a page passed: that failure was a blip
            if (++sinceFailure >= AdaptiveSize.ProbeAfter)
            {
                (ceiling, sinceFailure) = (int.MaxValue, 0); // Pyxis may have recovered: bigger pages may be tried again
            }

            // While the last failure is only suspected, one good page is enough to try the bigger size again: a blip
            // then costs the split page, and a real limit fails again at once and is learned.
            var growAfter = suspect == int.MaxValue ? GrowAfter : 1;
            if (size != ladder[current] || ++streak < growAfter || current == 0 || ladder[current - 1] > ceiling)
            {
                return;
            }

            (current, streak) = (current - 1, 0);
        }
    }

    // Each size divides the one before it, so an offset that is a multiple of a size is one of every smaller size.
    private static int Smaller(int size)
    {
        for (var factor = 2; factor * factor <= size; factor++)
        {
            if (size % factor == 0)
            {
                return size / factor;
            }
        }

        return 1;
    }
}
