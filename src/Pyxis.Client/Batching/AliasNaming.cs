namespace Pyxis.Client.Batching;

/// <summary>
/// How one lookup is named inside an alias batch: its alias (<c>r0</c>) and its variables (<c>registry</c> → <c>registry__0</c>). The generator
/// compiles this same file, so the marker it writes into <c>…Query.Aliased</c> templates is the one the runtime replaces.
/// </summary>
internal static class AliasNaming
{
    /// <summary>Between a variable's name and its lookup index.</summary>
    public const string IndexSeparator = "__";

    /// <summary>Stands for the lookup index in a template's variable names until a batch is built.</summary>
    public const char IndexMarker = '\u0001';

    /// <summary>Before a lookup's index in the alias its answer comes back under (<c>r0</c>, <c>r1</c>…).</summary>
    public const string AliasPrefix = "r";

    /// <summary>The alias of lookup <paramref name="index"/>, as sent and as read back.</summary>
    public static string Alias(int index) => AliasPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
