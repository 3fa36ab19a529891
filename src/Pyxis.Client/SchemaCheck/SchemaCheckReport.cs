namespace Pyxis.Client.SchemaCheck;

/// <summary>An operation a schema change breaks, with every reason: the breaking changes that hit it, the places it no longer validates.</summary>
/// <param name="Operation">The operation, with its source file, line and column.</param>
/// <param name="Reasons">One sentence per cause, the breaking changes first.</param>
public sealed record BrokenOperation(PyxisOperationInfo Operation, IReadOnlyList<string> Reasons);

/// <summary>What <see cref="PyxisSchemaCheck.Check"/> found: every change between the two schemas, and the operations they break.</summary>
public sealed class SchemaCheckReport
{
    internal SchemaCheckReport(IReadOnlyList<SchemaChange> changes, IReadOnlyList<BrokenOperation> brokenOperations, int operationsChecked)
    {
        Changes = changes;
        BrokenOperations = brokenOperations;
        OperationsChecked = operationsChecked;
    }

    /// <summary>Every change, breaking first, then dangerous, then safe; each with the operations that use what changed.</summary>
    public IReadOnlyList<SchemaChange> Changes { get; }

    /// <summary>The shipped operations the new schema breaks; empty when every one still works.</summary>
    public IReadOnlyList<BrokenOperation> BrokenOperations { get; }

    /// <summary>How many operations were checked.</summary>
    public int OperationsChecked { get; }

    /// <summary>True when any change is breaking, whether or not a shipped operation uses what it changed.</summary>
    public bool HasBreakingChanges => Changes.Any(c => c.Severity == SchemaChangeSeverity.Breaking);

    /// <summary>True when the new schema breaks at least one shipped operation.</summary>
    public bool BreaksOperations => BrokenOperations.Count > 0;
}
