namespace Pyxis.Client.SchemaCheck;

/// <summary>
/// Compares the schema a project was built against with another one (today's live Pyxis) and names the shipped
/// operations the difference breaks: what <c>pyxis schema check</c> and the schema health check run.
/// </summary>
public static class PyxisSchemaCheck
{
    private static readonly Lazy<string> Bundled = new(() =>
    {
        using var stream = typeof(PyxisSchemaCheck).Assembly.GetManifestResourceStream("Pyxis.Client.pyxis.graphql")
            ?? throw new InvalidOperationException("The bundled Pyxis schema is not embedded in Pyxis.Client.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The schema this package was built against (<c>schema/pyxis.graphql</c>), as SDL.</summary>
    public static string BundledSchema => Bundled.Value;

    /// <summary>
    /// Classifies every change from <paramref name="projectSchema"/> to <paramref name="newSchema"/> (both SDL) and
    /// names, for each, the <paramref name="operations"/> that use what changed; an operation is broken when a breaking
    /// change hits it or its document no longer validates against <paramref name="newSchema"/>.
    /// </summary>
    /// <exception cref="PyxisSchemaCheckException">Either schema is not valid SDL or has no Query type.</exception>
    public static SchemaCheckReport Check(string projectSchema, string newSchema, IEnumerable<PyxisOperationInfo> operations)
    {
        ArgumentNullException.ThrowIfNull(projectSchema);
        ArgumentNullException.ThrowIfNull(newSchema);
        ArgumentNullException.ThrowIfNull(operations);
        var before = SchemaModel.Parse(projectSchema, "project schema");
        var after = SchemaModel.Parse(newSchema, "new schema");
        var shipped = operations.ToList();
        var usages = shipped
            .Select(o => (Operation: o, Before: OperationUsage.Of(o.Document, before), After: OperationUsage.Of(o.Document, after)))
            .ToList();

        var changes = SchemaDiff
            .Compare(before, after)
            .OrderByDescending(c => c.Severity)
            .ThenBy(c => c.Coordinate, StringComparer.Ordinal)
            .Select(c => (Change: c, Hits: usages.Where(u => c.Hits(u.Before)).Select(u => u.Operation).ToList()))
            .ToList();

        var broken = new List<BrokenOperation>();
        foreach (var (operation, _, now) in usages)
        {
            var reasons = changes
                .Where(c => c.Change.Severity == SchemaChangeSeverity.Breaking && c.Hits.Contains(operation))
                .Select(c => c.Change.Description)
                .Concat(now.Problems.Select(p => "document" + p))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (reasons.Count > 0)
            {
                broken.Add(new BrokenOperation(operation, reasons));
            }
        }

        return new SchemaCheckReport(
            changes
                .Select(c => new SchemaChange(c.Change.Severity, c.Change.Kind, c.Change.Coordinate, c.Change.Description, c.Hits))
                .ToList(),
            broken,
            shipped.Count
        );
    }
}
