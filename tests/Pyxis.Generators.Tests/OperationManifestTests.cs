using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pyxis.Client.SchemaCheck;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>The operation manifest: every <c>.graphql</c> operation and lambda query, as C# and as the JSON the targets copy out.</summary>
public sealed class OperationManifestTests
{
    private const string Lambda = """
        using System.Threading.Tasks;
        using Pyxis.Client;
        using Pyxis.Client.Lambdas;

        public static class Calls
        {
            public static async Task Run(IPyxisClient client) =>
                _ = await client.QueryAsync(new { Registry = "r", Path = "p" }, static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id));
        }
        """;

    private static readonly Dictionary<string, string> Properties = new()
    {
        ["PyxisSchemaTypes"] = "Referenced",
        ["PyxisTypesNamespace"] = "Pyxis.Client",
        ["PyxisSchemaName"] = "Public",
    };

    private const string Operation =
        "# a comment\nquery Repo($r: String!, $p: String!) {\n  get_repository_by_registry_path(registry: $r, repository: $p) { data { registry } }\n}\n";

    [Fact]
    public void The_JSON_lists_each_operation_and_lambda_with_its_document_id_and_location()
    {
        var output = GeneratorHarness.RunWithCode(
            Lambda,
            File.ReadAllText(RepositoryFiles.SchemaPath),
            Properties,
            ("/project/Pyxis/Repo.graphql", Operation)
        );
        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);

        var json = JsonDocument.Parse(ManifestTask.Join(output)).RootElement;
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Equal("Public", json.GetProperty("schema").GetString());
        var entries = json.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);

        var lambda = entries.Single(e => e.GetProperty("kind").GetString() == "lambda");
        Assert.Equal(
            ("query", "Code0.cs", 8, 19),
            (
                lambda.GetProperty("operationType").GetString(),
                lambda.GetProperty("file").GetString(),
                lambda.GetProperty("line").GetInt32(),
                lambda.GetProperty("column").GetInt32()
            )
        );
        Assert.Contains(Literal(lambda.GetProperty("document").GetString()!), output.Source("Lambdas/"), StringComparison.Ordinal);

        var repo = entries.Single(e => e.GetProperty("kind").GetString() == "operation");
        Assert.Equal(
            ("Repo", "query", 2, 7),
            (
                repo.GetProperty("name").GetString(),
                repo.GetProperty("operationType").GetString(),
                repo.GetProperty("line").GetInt32(),
                repo.GetProperty("column").GetInt32()
            )
        );
        Assert.Contains(Literal(repo.GetProperty("document").GetString()!), output.Source("RepoQuery."), StringComparison.Ordinal);
        foreach (var entry in entries)
        {
            Assert.Equal(Sha256(entry.GetProperty("document").GetString()!), entry.GetProperty("id").GetString());
        }
    }

    [Fact]
    public void The_CSharp_manifest_holds_the_same_entries_with_ids_of_the_document_bytes()
    {
        var assembly = GeneratorHarnessRuntime.RunAndLoad(
            Lambda,
            File.ReadAllText(RepositoryFiles.SchemaPath),
            Properties,
            ("/project/Pyxis/Repo.graphql", Operation)
        );

        var manifest = assembly.GetType(GeneratorHarness.Namespace + ".PyxisOperationManifest")!;
        var all = (IReadOnlyList<PyxisOperationInfo>)manifest.GetProperty("All")!.GetValue(null)!;
        Assert.Equal("Public", manifest.GetField("Schema")!.GetValue(null));
        Assert.Equal(["lambda", "operation"], all.Select(e => e.Kind).Order());
        var repo = all.Single(e => e.Kind == "operation");
        var sent = assembly.GetType(GeneratorHarness.Namespace + ".RepoQuery")!.GetField("Document")!.GetValue(null);
        Assert.Equal(sent, repo.Document);
        Assert.All(all, e => Assert.Equal(Sha256(e.Document), e.Id));
    }

    [Fact]
    public void The_CSharp_and_JSON_manifests_list_the_parts_in_file_line_and_column_order()
    {
        // Parts come from each operation's and lambda's own file, in no set order; both manifests sort them the same way
        // (file names compare ordinally: upper case first).
        (string, string)[] operations =
        [
            (
                "/project/Pyxis/b/Second.graphql",
                "query Later { get_repository_by_registry_path(registry: \"r\", repository: \"p\") { data { registry } } }\n" + Operation
            ),
            (
                "/project/Pyxis/a.graphql",
                "query First { get_repository_by_registry_path(registry: \"r\", repository: \"p\") { data { registry } } }"
            ),
        ];
        var lambdas = Lambda
            .Replace(
                "_ = await",
                "_ = await client.QueryAsync(static q => q.GetRepositoryByRegistryPath(\"r\", \"p\", r => r.Data!.Published));\n        _ = await",
                StringComparison.Ordinal
            )
            .Replace("Task Run(IPyxisClient client) =>", "Task Run(IPyxisClient client)\n    {", StringComparison.Ordinal)
            .Replace("r => r.Data!.Id));", "r => r.Data!.Id));\n    }", StringComparison.Ordinal);
        var output = GeneratorHarness.RunWithCode(lambdas, File.ReadAllText(RepositoryFiles.SchemaPath), Properties, operations);
        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        var assembly = GeneratorHarnessRuntime.RunAndLoad(lambdas, File.ReadAllText(RepositoryFiles.SchemaPath), Properties, operations);

        var json = JsonDocument
            .Parse(ManifestTask.Join(output))
            .RootElement.GetProperty("operations")
            .EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString(), e.GetProperty("file").GetString(), e.GetProperty("line").GetInt32()))
            .ToList();
        var all =
            (IReadOnlyList<PyxisOperationInfo>)
                assembly.GetType(GeneratorHarness.Namespace + ".PyxisOperationManifest")!.GetProperty("All")!.GetValue(null)!;
        Assert.Equal(
            [
                ("Calls_Run", "Code0.cs", 9),
                ("Calls_Run_2", "Code0.cs", 10),
                ("Later", "Second.graphql", 1),
                ("Repo", "Second.graphql", 3),
                ("First", "a.graphql", 1),
            ],
            json
        );
        Assert.Equal(json, all.Select(e => ((string?)e.Name, (string?)e.File, e.Line)));
    }

    [Fact]
    public void A_document_holding_the_end_of_a_comment_stays_valid_JSON_and_CSharp()
    {
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            ("/project/ops/Op.graphql", "query Q { get_repository(registry: \"*/ \\\" \\\\ é\") { data { registry } } }")
        );

        Assert.Empty(output.CompileDiagnostics);
        var json = JsonDocument.Parse(ManifestTask.Join(output)).RootElement;
        Assert.Contains(
            "\"*/ \\\" \\\\ é\"",
            json.GetProperty("operations")[0].GetProperty("document").GetString(),
            StringComparison.Ordinal
        );
    }

    private static string Sha256(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    private static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
