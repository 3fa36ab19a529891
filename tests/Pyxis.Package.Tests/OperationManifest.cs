using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pyxis.Package.Tests;

/// <summary>What a consumer's build writes to <c>obj/…/pyxis-operations.json</c>.</summary>
internal static class OperationManifest
{
    public static void AssertListsEveryOperation(string consumer)
    {
        var path = Path.Combine(consumer, "obj", "Debug", "net10.0", "pyxis-operations.json");
        Assert.True(File.Exists(path), string.Join(", ", Directory.GetFiles(Path.GetDirectoryName(path)!)));
        var json = JsonDocument.Parse(File.ReadAllText(path)).RootElement;

        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Equal("Pyxis", json.GetProperty("schema").GetString());
        var entries = json.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(
            ["ImageById", "LatestUbi", "OwnImages"],
            entries.Where(e => e.GetProperty("kind").GetString() == "operation").Select(e => e.GetProperty("name").GetString()).Order()
        );
        var lambda = Assert.Single(entries, e => e.GetProperty("kind").GetString() == "lambda");
        Assert.Equal("Program.cs", lambda.GetProperty("file").GetString());
        var latest = entries.Single(e => e.GetProperty("name").GetString() == "LatestUbi");
        Assert.Equal(
            ("Pyxis/Operations.graphql", 1, 7),
            (latest.GetProperty("file").GetString(), latest.GetProperty("line").GetInt32(), latest.GetProperty("column").GetInt32())
        );
        Assert.All(entries, e =>
            Assert.Equal(
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.GetProperty("document").GetString()!))),
                e.GetProperty("id").GetString()
            )
        );
    }
}
