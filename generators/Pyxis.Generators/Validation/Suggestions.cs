using System;
using System.Collections.Generic;
using System.Linq;

namespace Pyxis.Generators.Validation;

/// <summary>
/// "Did you mean …?" as graphql-js words it (<c>suggestionList</c> and <c>didYouMean</c>): the names within a lexical
/// distance of 40 % of the typed name's length, closest first, at most five.
/// </summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>The closest names to <paramref name="input"/>, closest first, ties in natural order.</summary>
    public static List<string> Closest(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        return options
            .Distinct(StringComparer.Ordinal)
            .Select(option => (Option: option, Distance: LexicalDistance(input, option, threshold)))
            .Where(pair => pair.Distance is not null)
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Option, NaturalComparer.Instance)
            .Select(pair => pair.Option)
            .ToList();
    }

    /// <summary>The message tail: empty, or <c> Did you mean "a", "b", or "c"?</c>.</summary>
    public static string DidYouMean(IEnumerable<string> suggestions)
    {
        var quoted = suggestions.Take(MaxSuggestions).Select(s => "'" + s + "'").ToList();
        return quoted.Count switch
        {
            0 => string.Empty,
            1 => " Did you mean " + quoted[0] + "?",
            2 => " Did you mean " + quoted[0] + " or " + quoted[1] + "?",
            _ => " Did you mean " + string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[quoted.Count - 1] + "?",
        };
    }

    /// <summary>Shorthand: the tail for <paramref name="input"/> among <paramref name="options"/>.</summary>
    public static string For(string input, IEnumerable<string> options) => DidYouMean(Closest(input, options));

    // Damerau-Levenshtein (optimal string alignment) on lower case, a case change alone counting as one edit;
    // null past the threshold, as graphql-js's LexicalDistance.measure.
    internal static int? LexicalDistance(string input, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var (a, b) = (option.ToLowerInvariant(), input.ToLowerInvariant());
        if (a == b)
        {
            return 1;
        }

        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > threshold)
        {
            return null;
        }

        var rows = new[] { new int[b.Length + 1], new int[b.Length + 1], new int[b.Length + 1] };
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var (up, current) = (rows[(i - 1) % 3], rows[i % 3]);
            var smallest = current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(up[j] + 1, current[j - 1] + 1), up[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cell = Math.Min(cell, rows[(i - 2) % 3][j - 2] + 1);
                }

                smallest = Math.Min(smallest, cell);
                current[j] = cell;
            }

            if (smallest > threshold)
            {
                return null;
            }
        }

        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }
}
