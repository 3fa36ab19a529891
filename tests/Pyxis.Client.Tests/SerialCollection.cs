namespace Pyxis.Client.Tests;

/// <summary>
/// Tests that listen to process-wide telemetry run alone: an ActivityListener also hears the spans of
/// tests running beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Process-wide listeners";
}
