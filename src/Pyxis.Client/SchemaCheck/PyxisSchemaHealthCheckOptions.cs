using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pyxis.Client.SchemaCheck;

/// <summary>What the schema health check compares, and how often it asks Pyxis.</summary>
public sealed class PyxisSchemaHealthCheckOptions
{
    /// <summary>The operations the service ships, for example the generated <c>PyxisOperationManifest.All</c>.</summary>
    public List<PyxisOperationInfo> Operations { get; } = [];

    /// <summary>An operation manifest file to read the operations from as well (read once, at the first check).</summary>
    public string? ManifestPath { get; set; }

    /// <summary>The schema the service was built against, as SDL. The default value is the bundled schema (<see cref="PyxisSchemaCheck.BundledSchema"/>).</summary>
    public string? ProjectSchema { get; set; }

    /// <summary>How long a result is reused before Pyxis is introspected again. The default value is 10 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a failure to check is reused before the next try. The default value is 1 minute.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The status when the live schema breaks a shipped operation. The default value is <see cref="HealthStatus.Degraded"/>.</summary>
    public HealthStatus BrokenStatus { get; set; } = HealthStatus.Degraded;

    /// <summary>
    /// The status when the check cannot run (Pyxis unreachable, introspection refused, a schema that does not parse).
    /// The default value is <see cref="HealthStatus.Degraded"/>: a restart would not help, and the client's own calls report outages.
    /// </summary>
    public HealthStatus CannotCheckStatus { get; set; } = HealthStatus.Degraded;
}
