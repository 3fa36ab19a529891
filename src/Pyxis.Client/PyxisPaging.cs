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
}
