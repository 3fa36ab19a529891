namespace Pyxis.Client;

/// <summary>How the pages of a paginated stream are fetched.</summary>
public sealed class PyxisPaging
{
    /// <summary>The most page requests in flight at once (and so the most pages held). Defaults to 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Yield pages in page order (default) or as each page arrives.</summary>
    public bool Ordered { get; init; } = true;
}
