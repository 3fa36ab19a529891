namespace Pyxis.Generators.Model;

/// <summary>One operation the project ships, as the operation manifest lists it (1-based line and column).</summary>
internal sealed record ManifestEntry(string Name, string Kind, string OperationType, string Document, string File, int Line, int Column)
{
    /// <summary>
    /// Lowercase hex SHA-256 of the document's UTF-8 bytes: the id persisted-query registries use. Computed once, where the
    /// entry is made (cached with its operation file or lambda), not each time the whole manifest is written again.
    /// </summary>
    public string Id { get; } = Sha256(Document);

    private static string Sha256(string document)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(document));
        var hex = new System.Text.StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    /// <summary>The named schema the operation was checked against; null for the default schema.</summary>
    public string? Schema { get; init; }
}

/// <summary>The project's operation manifest: every <c>.graphql</c> operation and lambda query, in file order.</summary>
internal sealed record ManifestSpec(string Namespace, string Schema, EquatableArray<ManifestEntry> Entries);
