using System.Collections;
using System.Globalization;

namespace Pyxis.Emulator.Catalog;

/// <summary>Filtering, sorting and paging of catalog records, as Pyxis's paginated root fields do.</summary>
public static class CatalogQuery
{
    public static (List<Dictionary<string, object?>> Page, int Total) Find(
        IEnumerable<Dictionary<string, object?>> records,
        IDictionary<string, object?>? filter,
        IEnumerable<object?>? sortBy,
        int page,
        int pageSize
    )
    {
        var matching = records.Where(r => FilterEvaluator.Matches(r, filter)).ToList();
        IEnumerable<Dictionary<string, object?>> sorted = matching;
        IOrderedEnumerable<Dictionary<string, object?>>? ordered = null;
        foreach (var sort in (sortBy ?? []).OfType<IDictionary<string, object?>>())
        {
            var path = Convert.ToString(sort.Get("field"), CultureInfo.InvariantCulture) ?? string.Empty;
            var descending = string.Equals(
                Convert.ToString(sort.Get("order"), CultureInfo.InvariantCulture),
                "DESC",
                StringComparison.OrdinalIgnoreCase
            );
            var comparer = Comparer<object?>.Create((a, b) => FilterEvaluator.Order(a, b) ?? 0);
            ordered = ordered is null
                ? (descending ? matching.OrderByDescending(r => Path(r, path), comparer) : matching.OrderBy(r => Path(r, path), comparer))
                : (descending ? ordered.ThenByDescending(r => Path(r, path), comparer) : ordered.ThenBy(r => Path(r, path), comparer));
        }

        sorted = ordered ?? sorted;
        var size = Math.Max(pageSize, 0);
        return (sorted.Skip(Math.Max(page, 0) * size).Take(size).ToList(), matching.Count);
    }

    /// <summary>Reads a dotted path; through a list it takes the first element, as Pyxis sorts.</summary>
    public static object? Path(object? record, string path)
    {
        var value = record;
        foreach (var part in path.Split('.'))
        {
            if (value is IList list)
            {
                value = list.Count > 0 ? list[0] : null;
            }

            value = (value as IDictionary<string, object?>)?.Get(part);
        }

        return value;
    }
}
