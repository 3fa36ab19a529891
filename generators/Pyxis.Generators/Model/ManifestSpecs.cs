namespace Pyxis.Generators.Model;

/// <summary>One operation the project ships, as the operation manifest lists it (1-based line and column).</summary>
internal sealed record ManifestEntry(string Name, string Kind, string OperationType, string Document, string File, int Line, int Column)
{
    /// <summary>The named schema the operation was checked against; null for the default schema.</summary>
    public string? Schema { get; init; }
}

/// <summary>The project's operation manifest: every <c>.graphql</c> operation and lambda query, in file order.</summary>
internal sealed record ManifestSpec(string Namespace, string Schema, EquatableArray<ManifestEntry> Entries);
