using System.Text.Json;
using Pyxis.Client.SchemaCheck;
using Pyxis.Emulator;

namespace Pyxis.Cli.Tests;

/// <summary><c>pyxis schema check</c> against the emulator serving the bundled schema or an edited one: what it names, its exit codes.</summary>
public sealed class SchemaCheckCommandTests
{
    private static readonly string Curated = Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema", "operations");
    private static readonly string Edited = PyxisSchemaCheck.BundledSchema.Replace(
        "  auto_rebuild_tags: [String]\n",
        "  auto_rebuild_tag_list: [String]\n",
        StringComparison.Ordinal
    );

    [Fact]
    public async Task An_endpoint_serving_an_edited_schema_names_the_broken_operation_and_exits_1()
    {
        await using var emulator = await PyxisEmulator.StartAsync(new EmulatorOptions { Schema = Edited });

        var (code, output) = await CliRun.RunAsync([
            "schema",
            "check",
            "--endpoint",
            emulator.Endpoint.ToString(),
            "--operations",
            Curated,
        ]);

        Assert.Equal(1, code);
        Assert.Contains("FIELD_REMOVED", output, StringComparison.Ordinal);
        var row = output
            .Split('\n')
            .Single(l =>
                l.Contains("GetRepositoryByRegistryPath ", StringComparison.Ordinal) && l.Contains(".graphql(", StringComparison.Ordinal)
            );
        Assert.Contains("GetRepositoryByRegistryPath.graphql(2,1)", row, StringComparison.Ordinal);
        Assert.Contains("2 shipped operation(s) break.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundled_schema_served_back_exits_0()
    {
        await using var emulator = await PyxisEmulator.StartAsync();

        var (code, output) = await CliRun.RunAsync([
            "schema",
            "check",
            "--endpoint",
            emulator.Endpoint.ToString(),
            "--operations",
            Curated,
        ]);

        Assert.Equal(0, code);
        Assert.Contains("0 change(s)", output, StringComparison.Ordinal);
        Assert.Contains("No shipped operation breaks.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_from_a_manifest_and_a_schema_file_names_the_operation_with_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("pyxis-check-");
        try
        {
            var schema = Path.Combine(folder.FullName, "live.graphql");
            await File.WriteAllTextAsync(schema, Edited);
            var manifest = Path.Combine(folder.FullName, "pyxis-operations.json");
            var operation = PyxisOperationSources.ReadFolder(Curated).Single(o => o.Name == "GetRepositoryByRegistryPath") with
            {
                Kind = "lambda",
                File = "Services/Catalog.cs",
                Line = 42,
                Column = 9,
            };
            await File.WriteAllTextAsync(
                manifest,
                JsonSerializer.Serialize(
                    new
                    {
                        version = 1,
                        schema = "Pyxis",
                        operations = new[] { operation },
                    },
                    Camel
                )
            );

            var (code, output) = await CliRun.RunAsync(["schema", "check", "--schema", schema, "--manifest", manifest, "--output", "json"]);

            Assert.Equal(1, code);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("breaking", json.RootElement.GetProperty("verdict").GetString());
            var broken = Assert.Single(json.RootElement.GetProperty("brokenOperations").EnumerateArray());
            Assert.Equal(
                ("GetRepositoryByRegistryPath", "Services/Catalog.cs", 42),
                (broken.GetProperty("name").GetString(), broken.GetProperty("file").GetString(), broken.GetProperty("line").GetInt32())
            );
            var change = json
                .RootElement.GetProperty("changes")
                .EnumerateArray()
                .First(c => c.GetProperty("kind").GetString() == "FIELD_REMOVED");
            Assert.Equal("ContainerRepository.auto_rebuild_tags", change.GetProperty("coordinate").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_breaking_change_no_operation_uses_exits_0_unless_strict()
    {
        var unused = PyxisSchemaCheck.BundledSchema.Replace("type ApiKey {", "type ApiKeyRenamed {", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("pyxis-check-");
        try
        {
            var schema = Path.Combine(folder.FullName, "live.graphql");
            await File.WriteAllTextAsync(schema, unused);

            var (lenient, _) = await CliRun.RunAsync(["schema", "check", "--schema", schema, "--operations", Curated]);
            var (strict, _) = await CliRun.RunAsync(["schema", "check", "--schema", schema, "--operations", Curated, "--strict"]);
            var (noOperations, _) = await CliRun.RunAsync(["schema", "check", "--schema", schema]);

            Assert.Equal((0, 1, 1), (lenient, strict, noOperations));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--schema", "/no/such/schema.graphql", "does not exist")]
    [InlineData("--endpoint", "http://127.0.0.1:9/api/containers/graphql/", "127.0.0.1:9")]
    public async Task What_cannot_be_checked_exits_2_with_one_line_saying_why(string option, string value, string expected)
    {
        var (code, output) = await CliRun.RunAsync(["schema", "check", option, value, "--operations", Curated]);

        Assert.Equal(2, code);
        Assert.StartsWith("Could not check: ", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions Camel = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
