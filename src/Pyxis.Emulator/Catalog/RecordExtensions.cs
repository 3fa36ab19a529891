namespace Pyxis.Emulator.Catalog;

internal static class RecordExtensions
{
    /// <summary>The value at <paramref name="key"/>, or null: GraphQL.NET hands inputs over as IDictionary, which lacks this.</summary>
    public static object? Get(this IDictionary<string, object?> record, string key) =>
        record.TryGetValue(key, out var value) ? value : null;
}
