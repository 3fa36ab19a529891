using System.Text;

namespace Pyxis.Client;

/// <summary>RPM version ordering (rpmvercmp) for choosing the highest NVR, as Freshmaker does with koji's helpers.</summary>
public static class RpmVersion
{
    /// <summary>Orders NVRs (name-version-release) by version, then release; names are not compared.</summary>
    public static IComparer<string> NvrComparer { get; } = Comparer<string>.Create(CompareNvr);

    /// <summary>Compares two NVRs by version, then release.</summary>
    public static int CompareNvr(string? left, string? right)
    {
        var (lv, lr) = Split(left ?? string.Empty);
        var (rv, rr) = Split(right ?? string.Empty);
        var byVersion = Compare(lv, rv);
        return byVersion != 0 ? byVersion : Compare(lr, rr);
    }

    /// <summary>rpmvercmp: digits compare as numbers, letters as text, digits beat letters, <c>~</c> sorts before anything.</summary>
    public static int Compare(string left, string right)
    {
        int i = 0,
            j = 0;
        while (i < left.Length || j < right.Length)
        {
            while (i < left.Length && !char.IsAsciiLetterOrDigit(left[i]) && left[i] != '~')
                i++;
            while (j < right.Length && !char.IsAsciiLetterOrDigit(right[j]) && right[j] != '~')
                j++;
            var lTilde = i < left.Length && left[i] == '~';
            var rTilde = j < right.Length && right[j] == '~';
            if (lTilde || rTilde)
            {
                if (!(lTilde && rTilde))
                    return lTilde ? -1 : 1;
                i++;
                j++;
                continue;
            }

            if (i >= left.Length || j >= right.Length)
                return i >= left.Length ? (j >= right.Length ? 0 : -1) : 1;
            var numeric = char.IsAsciiDigit(left[i]);
            var a = Segment(left, ref i, numeric);
            var b = Segment(right, ref j, numeric);
            if (b.Length == 0)
                return numeric ? 1 : -1; // a number is newer than letters
            var order = numeric ? CompareNumbers(a, b) : string.CompareOrdinal(a, b);
            if (order != 0)
                return Math.Sign(order);
        }

        return 0;
    }

    /// <summary>Escapes text for a Pyxis (PCRE) regular expression.</summary>
    public static string EscapeRegex(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if ("\\^$.|?*+()[]{}".Contains(c))
                escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Segment(string text, ref int index, bool numeric)
    {
        var start = index;
        while (index < text.Length && (numeric ? char.IsAsciiDigit(text[index]) : char.IsAsciiLetter(text[index])))
            index++;
        return text[start..index];
    }

    private static int CompareNumbers(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }

    private static (string Version, string Release) Split(string nvr)
    {
        var lastDash = nvr.LastIndexOf('-');
        if (lastDash <= 0)
            return (nvr, string.Empty);
        var versionDash = nvr.LastIndexOf('-', lastDash - 1);
        return (nvr[(versionDash + 1)..lastDash], nvr[(lastDash + 1)..]);
    }
}
