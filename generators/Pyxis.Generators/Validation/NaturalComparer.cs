using System;
using System.Collections.Generic;

namespace Pyxis.Generators.Validation;

/// <summary>graphql-js's <c>naturalCompare</c>: runs of digits compare by value (<c>field2</c> before <c>field10</c>), the rest by char code.</summary>
internal sealed class NaturalComparer : IComparer<string>
{
    public static readonly NaturalComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        int i = 0,
            j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsDigit(x[i]) && char.IsDigit(y[j]))
            {
                var (startX, startY) = (i, j);
                while (i < x.Length && char.IsDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsDigit(y[j]))
                {
                    j++;
                }

                var byValue = CompareDigits(x.Substring(startX, i - startX), y.Substring(startY, j - startY));
                if (byValue != 0)
                {
                    return byValue;
                }

                continue;
            }

            if (x[i] != y[j])
            {
                return x[i] - y[j];
            }

            i++;
            j++;
        }

        return (x.Length - i) - (y.Length - j);
    }

    private static int CompareDigits(string a, string b)
    {
        var (trimmedA, trimmedB) = (a.TrimStart('0'), b.TrimStart('0'));
        return trimmedA.Length != trimmedB.Length ? trimmedA.Length - trimmedB.Length : string.CompareOrdinal(trimmedA, trimmedB);
    }
}
