using Pyxis.Emulator.Catalog;

namespace Pyxis.Client.Tests;

/// <summary>Typed reads of the emulator's seeded records, so expectations read like LINQ over the catalog.</summary>
internal static class SeedView
{
    public static string Str(this Dictionary<string, object?> record, string key) => (string)record[key]!;

    public static bool Flag(this Dictionary<string, object?> record, string key) => (bool)record[key]!;

    public static IEnumerable<string> Strings(this Dictionary<string, object?> record, string key) =>
        ((List<object?>)record[key]!).Cast<string>();

    public static Dictionary<string, object?> Child(this Dictionary<string, object?> record, string key) =>
        (Dictionary<string, object?>)record[key]!;

    public static IEnumerable<Dictionary<string, object?>> Children(this Dictionary<string, object?> record, string key) =>
        ((List<object?>)record[key]!).Cast<Dictionary<string, object?>>();

    public static string Build(this Dictionary<string, object?> image) => image.Child("brew").Str("build");

    public static IEnumerable<string> RpmNames(this Dictionary<string, object?> image) =>
        image.Child("rpm_manifest").Children("rpms").Select(r => r.Str("name"));

    public static IEnumerable<string> Ids(this IEnumerable<Dictionary<string, object?>> records) => records.Select(r => r.Str("_id"));

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    public static SeedCatalog Catalog(this EmulatorSession session) => session.Emulator.Catalog;
}
