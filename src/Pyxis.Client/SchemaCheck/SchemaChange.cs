namespace Pyxis.Client.SchemaCheck;

/// <summary>How much a schema change can hurt a client built on the old schema, in graphql-js's three grades.</summary>
public enum SchemaChangeSeverity
{
    /// <summary>Nothing a client sends or reads stops working (a type or field added, a deprecation).</summary>
    Safe,

    /// <summary>Valid operations keep validating, but may see what they did not expect (an enum value or union member added).</summary>
    Dangerous,

    /// <summary>An operation that used what changed fails (removed, retyped, made required).</summary>
    Breaking,
}

/// <summary>
/// One difference between two schemas, as graphql-js's <c>findBreakingChanges</c> / <c>findDangerousChanges</c> name
/// them (<c>FIELD_REMOVED</c>, <c>VALUE_ADDED_TO_ENUM</c>…), plus the safe ones (<c>FIELD_ADDED</c>, <c>FIELD_DEPRECATED</c>…).
/// </summary>
/// <param name="Severity">Breaking, dangerous or safe.</param>
/// <param name="Kind">The change's name in graphql-js's words (<c>FIELD_REMOVED</c>, <c>ARG_CHANGED_KIND</c>…).</param>
/// <param name="Coordinate">What changed, as a schema coordinate: <c>Type</c>, <c>Type.field</c>, <c>Type.field(arg:)</c>, <c>@directive</c>.</param>
/// <param name="Description">One sentence saying what changed, with the old and new type where there are types.</param>
/// <param name="Operations">The shipped operations that use what changed (for a breaking change: the ones it breaks).</param>
public sealed record SchemaChange(
    SchemaChangeSeverity Severity,
    string Kind,
    string Coordinate,
    string Description,
    IReadOnlyList<PyxisOperationInfo> Operations
);
