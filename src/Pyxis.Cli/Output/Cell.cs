namespace Pyxis.Cli.Output;

/// <summary>One value of a result row; <see cref="Color"/> marks a status (not found, failed).</summary>
internal readonly record struct Cell(string Text, string? Color = null)
{
    public static implicit operator Cell(string text) => new(text);
}
