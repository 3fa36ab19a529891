namespace Pyxis.Cli.Demo;

/// <summary>The seed's <c>results_to_skip</c>: results not worth collecting, dropped as they arrive.</summary>
internal static class SkipList
{
    public static bool Applies(Board board) => board.Result is null || board.Result.ReleaseCategories?.Contains("Deprecated") == true;
}
