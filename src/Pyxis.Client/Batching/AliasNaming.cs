namespace Pyxis.Client.Batching;

/// <summary>
/// How one lookup is named inside an alias batch: its alias (<c>r0</c>) and its variables (<c>registry</c> → <c>registry__0</c>). The generator
/// compiles this same file, so the marker it writes into <c>…Query.Aliased</c> templates is the one the runtime replaces. Every
/// place that writes or reads an alias or an indexed variable name goes through here.
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
    public static string Alias(int index) => AliasPrefix + Number(index);

    /// <summary>Variable <paramref name="name"/> of lookup <paramref name="index"/> (<c>registry__3</c>).</summary>
    public static string Variable(string name, int index) => name + IndexSeparator + Number(index);

    /// <summary>
    /// <paramref name="name"/> without its last lookup index (<c>token__3</c> → <c>token</c>), or null when it carries none.
    /// </summary>
    public static string? WithoutIndex(string name)
    {
        var cut = name.LastIndexOf(IndexSeparator, System.StringComparison.Ordinal);
        if (cut <= 0 || cut + IndexSeparator.Length == name.Length)
        {
            return null;
        }

        for (var i = cut + IndexSeparator.Length; i < name.Length; i++)
        {
            if (name[i] is < '0' or > '9')
            {
                return null;
            }
        }

        return name.Substring(0, cut);
    }

    private static string Number(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
