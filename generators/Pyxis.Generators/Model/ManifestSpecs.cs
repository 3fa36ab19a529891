namespace Pyxis.Generators.Model;

/// <summary>One operation the project ships, as the operation manifest lists it (1-based line and column).</summary>
internal sealed record ManifestEntry(
    string Name,
    string Kind,
    string OperationType,
    string Document,
    string File,
    int Line,
    int Column,
    string Schema
)
{
    /// <summary>
    /// Lowercase hex SHA-256 of the document's UTF-8 bytes: the id persisted-query registries use. Computed once, where the
    /// entry is made (with its own operation or lambda), never for the whole project.
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
}

/// <summary>
/// A part of the operation manifest: one entry, written into the generated file of its own operation or lambda query
/// (<paramref name="HintName"/>), whose class <c>PyxisOperationManifest</c> lives in <paramref name="Namespace"/>.
/// </summary>
internal sealed record ManifestPart(string Namespace, string HintName, ManifestEntry Entry);

/// <summary>Where a part is and where its entry sorts: all the index of parts needs, without the document.</summary>
internal sealed record ManifestKey(string HintName, string File, int Line, int Column, string Name);

/// <summary>
/// The operation manifest's index: the generated files holding its parts, in the manifest's order (file, line, column,
/// name). It changes only when an operation or lambda query appears, goes or moves, not when one is edited in place.
/// </summary>
internal sealed record ManifestIndex(string Schema, EquatableArray<string> Parts);

/// <summary>An operation to emit, with its manifest part (a name defined twice is emitted, and listed, once).</summary>
internal sealed record EmittedOperation(OperationSpec Spec, ManifestPart Manifest);
