namespace Pyxis.Client.SchemaCheck;

/// <summary>A change as the diff finds it, with the test that tells whether an operation's usage touches it.</summary>
internal sealed record DetectedChange(
    SchemaChangeSeverity Severity,
    string Kind,
    string Coordinate,
    string Description,
    Func<OperationUsage, bool> Hits
)
{
    public static Func<OperationUsage, bool> Uses(params string[] keys) => usage => keys.Any(usage.Keys.Contains);

    public static readonly Func<OperationUsage, bool> Nothing = static _ => false;
}
