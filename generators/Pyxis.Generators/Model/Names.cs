using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Pyxis.Generators.Model;

/// <summary>C# names for GraphQL names: snake_case to PascalCase, keywords escaped, clashes numbered.</summary>
internal static class Names
{
    public static string Pascal(string name)
    {
        var text = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            text.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        var result = IsShouting(name) ? Soften(text.ToString(), name) : text.ToString();
        if (result.Length == 0)
        {
            return "Value";
        }

        return char.IsDigit(result[0]) ? "_" + result : result;
    }

    /// <summary>The C# name of a schema type; the introspection types (<c>__TypeKind</c>) say what they are.</summary>
    public static string Type(string name) =>
        name.StartsWith("__", System.StringComparison.Ordinal) ? "Introspection" + Pascal(name) : Pascal(name);

    /// <summary>The record name for one item of a list field: <c>Repositories</c> → <c>Repository</c>, <c>Rpms</c> → <c>Rpm</c>.</summary>
    public static string Singular(string pascal)
    {
        if (pascal.EndsWith("ies", System.StringComparison.Ordinal) && pascal.Length > 4)
        {
            return pascal.Substring(0, pascal.Length - 3) + "y";
        }

        if (pascal.EndsWith("sses", System.StringComparison.Ordinal) || pascal.EndsWith("xes", System.StringComparison.Ordinal))
        {
            return pascal.Substring(0, pascal.Length - 2);
        }

        return
            pascal.EndsWith("s", System.StringComparison.Ordinal)
            && !pascal.EndsWith("ss", System.StringComparison.Ordinal)
            && !pascal.EndsWith("us", System.StringComparison.Ordinal)
            && pascal.Length > 3
            ? pascal.Substring(0, pascal.Length - 1)
            : pascal;
    }

    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var camel = pascal.StartsWith("_") ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    public static string Unique(string candidate, ISet<string> taken)
    {
        var name = candidate;
        for (var i = 2; !taken.Add(name); i++)
        {
            name = candidate + i;
        }

        return name;
    }

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    // ENUM_VALUE and ALLCAPS read as shouting in C#; Pascal-case each word instead.
    private static bool IsShouting(string name)
    {
        var hasLetter = false;
        foreach (var c in name)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter;
    }

    private static string Soften(string pascal, string original)
    {
        var text = new StringBuilder();
        foreach (var word in original.Split(['_', '-', ' '], System.StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append(word[0]).Append(word.Substring(1).ToLowerInvariant());
        }

        return text.Length == 0 ? pascal : text.ToString();
    }
}
