namespace Pyxis.Client.Batching;

/// <summary>
/// How one lookup's variables are renamed inside an alias batch (<c>registry</c> → <c>registry__0</c>). The generator
/// compiles this same file, so the marker it writes into <c>…Query.Aliased</c> templates is the one the runtime replaces.
/// </summary>
internal static class AliasNaming
{
    /// <summary>Between a variable's name and its lookup index.</summary>
    public const string IndexSeparator = "__";

    /// <summary>Stands for the lookup index in a template's variable names until a batch is built.</summary>
    public const char IndexMarker = '\u0001';
}
