using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Pyxis.Client.SchemaCheck;

/// <summary>The health check's memory across probes (the check itself is made anew for each): the last result and when it was made.</summary>
internal sealed class PyxisSchemaHealthCheckState(IOptions<PyxisSchemaHealthCheckOptions> options, TimeProvider? time = null) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private IReadOnlyList<PyxisOperationInfo>? operations;
    private (HealthCheckResult Result, DateTimeOffset Until)? last;

    public PyxisSchemaHealthCheckOptions Options { get; } = options.Value;

    public IReadOnlyList<PyxisOperationInfo> Operations() =>
        operations ??= Options.ManifestPath is { } path
            ? [.. Options.Operations, .. PyxisOperationSources.ReadManifest(path)]
            : [.. Options.Operations];

    public async Task<HealthCheckResult> GetAsync(
        Func<CancellationToken, Task<(HealthCheckResult Result, bool Checked)>> run,
        CancellationToken cancellationToken
    )
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A probe that waited for another probe's check takes its result instead of asking Pyxis again.
            if (Fresh() is { } justMade)
            {
                return justMade;
            }

            var (result, ran) = await run(cancellationToken).ConfigureAwait(false);
            last = (result, clock.GetUtcNow() + (ran ? Options.Interval : Options.RetryInterval));
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private HealthCheckResult? Fresh() => last is { } entry && clock.GetUtcNow() < entry.Until ? entry.Result : null;

    public void Dispose() => gate.Dispose();
}
