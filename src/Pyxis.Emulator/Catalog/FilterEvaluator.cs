using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pyxis.Emulator.Catalog;

/// <summary>
/// Evaluates Pyxis filter inputs over catalog records the way Pyxis (MongoDB) does: <c>and/or/nor/not</c>,
/// comparison operators, <c>_elemMatch</c> (one element satisfies the whole filter) and, on plain lists,
/// any-element semantics where each condition may be met by a different element.
/// </summary>
public static class FilterEvaluator
{
    private static readonly HashSet<string> Operators = ["eq", "ne", "le", "lt", "ge", "gt", "in", "out", "all", "regex", "iregex"];

    public static bool Matches(object? value, IDictionary<string, object?>? filter) =>
        filter is null || filter.All(entry => MatchesEntry(value, entry.Key, entry.Value));

    private static bool MatchesEntry(object? value, string key, object? argument)
    {
        switch (key)
        {
            case "and":
                return Filters(argument).All(f => Matches(value, f));
            case "or":
                return Filters(argument).Any(f => Matches(value, f));
            case "nor":
                return !Filters(argument).Any(f => Matches(value, f));
            case "not":
                return argument is not IDictionary<string, object?> negated || !Matches(value, negated);
            case "list_index_filter":
                return true;
        }

        if (value is IList list)
        {
            return list.Cast<object?>().Any(item => MatchesEntry(item, key, argument));
        }

        if (Operators.Contains(key))
        {
            return Compare(value, key, argument);
        }

        var record = value as IDictionary<string, object?>;
        if (key.EndsWith("_elemMatch", StringComparison.Ordinal))
        {
            var items = record?.Get(key[..^"_elemMatch".Length]) as IList;
            return items is not null && items.Cast<object?>().Any(item => Matches(item, argument as IDictionary<string, object?>));
        }

        if (key.EndsWith("_size", StringComparison.Ordinal))
        {
            var count = (record?.Get(key[..^"_size".Length]) as IList)?.Count ?? 0;
            return Matches(count, argument as IDictionary<string, object?>);
        }

        var child = record?.Get(key);
        return argument is IDictionary<string, object?> nested ? Matches(child, nested) : Equal(child, argument);
    }

    private static bool Compare(object? value, string op, object? argument) =>
        op switch
        {
            "eq" => Equal(value, argument),
            "ne" => !Equal(value, argument),
            "in" => Items(argument).Any(a => Equal(value, a)),
            "out" => !Items(argument).Any(a => Equal(value, a)),
            "regex" => value is string s
                && argument is string pattern
                && Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)),
            "iregex" => value is string s
                && argument is string pattern
                && Regex.IsMatch(s, pattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)),
            "lt" => Order(value, argument) is < 0,
            "le" => Order(value, argument) is <= 0,
            "gt" => Order(value, argument) is > 0,
            "ge" => Order(value, argument) is >= 0,
            _ => true,
        };

    private static IEnumerable<IDictionary<string, object?>> Filters(object? argument) =>
        Items(argument).OfType<IDictionary<string, object?>>();

    private static IEnumerable<object?> Items(object? argument) =>
        argument is IEnumerable items and not string ? items.Cast<object?>() : [argument];

    public static bool Equal(object? left, object? right) =>
        (left, right) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            _ when IsNumber(left) && IsNumber(right) => Convert.ToDouble(left, CultureInfo.InvariantCulture)
                == Convert.ToDouble(right, CultureInfo.InvariantCulture),
            _ => Equals(left, right)
                || string.Equals(
                    Convert.ToString(left, CultureInfo.InvariantCulture),
                    Convert.ToString(right, CultureInfo.InvariantCulture),
                    StringComparison.Ordinal
                ),
        };

    /// <summary>Orders numbers as numbers, dates as instants, anything else as ordinal text; null sorts first.</summary>
    public static int? Order(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null ? 0
                : left is null ? -1
                : 1;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture));
        }

        var l = Convert.ToString(left, CultureInfo.InvariantCulture)!;
        var r = Convert.ToString(right, CultureInfo.InvariantCulture)!;
        if (
            DateTimeOffset.TryParse(l, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ld)
            && DateTimeOffset.TryParse(r, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rd)
        )
        {
            return ld.CompareTo(rd);
        }

        return string.CompareOrdinal(l, r);
    }

    private static bool IsNumber(object? value) => value is int or long or double or float or decimal or short or byte;
}
