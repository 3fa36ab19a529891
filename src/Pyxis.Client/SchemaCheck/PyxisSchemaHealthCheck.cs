using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pyxis.Client.SchemaPull;

namespace Pyxis.Client.SchemaCheck;

/// <summary>
/// Introspects the live Pyxis at most once per <see cref="PyxisSchemaHealthCheckOptions.Interval"/> and reports
/// <see cref="PyxisSchemaHealthCheckOptions.BrokenStatus"/>, naming the operations, when its schema breaks one the
/// service ships; Healthy otherwise. Probes in between (and probes that arrive while a check runs) get the last result.
/// </summary>
internal sealed class PyxisSchemaHealthCheck(IPyxisClient client, PyxisSchemaHealthCheckState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        state.GetAsync(ct => RunAsync(ct), cancellationToken);

    private async Task<(HealthCheckResult Result, bool Checked)> RunAsync(CancellationToken cancellationToken)
    {
        var options = state.Options;
        string live;
        IReadOnlyList<PyxisOperationInfo> operations;
        try
        {
            operations = state.Operations();
            live = await client.PullSdlAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PyxisException or PyxisSchemaCheckException)
        {
            return (new HealthCheckResult(options.CannotCheckStatus, "Could not check Pyxis's schema: " + ex.Message, ex), false);
        }

        SchemaCheckReport report;
        try
        {
            report = PyxisSchemaCheck.Check(options.ProjectSchema ?? PyxisSchemaCheck.BundledSchema, live, operations);
        }
        catch (PyxisSchemaCheckException ex)
        {
            return (new HealthCheckResult(options.CannotCheckStatus, "Could not check Pyxis's schema: " + ex.Message, ex), false);
        }

        var data = new Dictionary<string, object>
        {
            ["operations"] = report.OperationsChecked,
            ["breakingChanges"] = report.Changes.Count(c => c.Severity == SchemaChangeSeverity.Breaking),
            ["brokenOperations"] = report.BrokenOperations.Select(b => b.Operation.Name).ToArray(),
        };
        if (!report.BreaksOperations)
        {
            return (
                HealthCheckResult.Healthy($"Pyxis's live schema accepts all {report.OperationsChecked} shipped operations.", data),
                true
            );
        }

        var named = string.Join(
            "; ",
            report.BrokenOperations.Select(b =>
                $"{b.Operation.Name} ({b.Operation.File}:{b.Operation.Line}): {string.Join(" ", b.Reasons)}"
            )
        );
        var description = $"Pyxis's live schema breaks {report.BrokenOperations.Count} shipped operation(s): {named}";
        return (new HealthCheckResult(options.BrokenStatus, description, data: data), true);
    }
}
