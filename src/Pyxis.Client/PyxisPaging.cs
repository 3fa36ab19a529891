namespace Pyxis.Client;

/// <summary>How the pages of a paginated stream are fetched.</summary>
public sealed class PyxisPaging
{
    /// <summary>The most page requests in flight at once (and so the most pages held). Defaults to 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// The most pages one stream may fetch (default 10 000). A <c>total</c> that promises more, or a server that keeps
    /// sending full pages past it, ends the stream with <see cref="PyxisPagingException"/> instead of looping on.
    /// </summary>
    public int MaxPages { get; init; } = 10_000;

    /// <summary>Yield pages in page order (default) or as each page arrives.</summary>
    public bool Ordered { get; init; } = true;

    /// <summary>
    /// Whether page sizes adapt to what Pyxis can answer (default true): a page answered with a Pyxis server timeout, a
    /// 5xx or a complexity error is fetched again at once (not first retried at its size) as smaller pages
    /// (200 → 100 → 50 → 25 → 5 → 1: each size divides the
    /// asked one, as Pyxis pages by number), later pages use the smaller size, and it climbs back one step after four
    /// pages in a row succeed, never to a size that failed in the last 50 pages. Every item is still yielded once.
    /// </summary>
    public bool AdaptPageSize { get; init; } = true;

    /// <summary>The smallest page adaptive sizing shrinks to (default 1); a page that size that still fails fails the stream.</summary>
    public int MinPageSize { get; init; } = 1;
}
