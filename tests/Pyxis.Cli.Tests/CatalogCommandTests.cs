using System.CommandLine;
using Pyxis.Emulator;

namespace Pyxis.Cli.Tests;

/// <summary>
/// <c>pyxis repo</c>, <c>images</c> and <c>schema pull</c> against the emulator on loopback: what they print and their exit codes.
/// </summary>
public sealed class CatalogCommandTests : IAsyncLifetime
{
    private PyxisEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await PyxisEmulator.StartAsync();

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Fact]
    public async Task Repo_prints_each_repository_and_marks_the_missing_one_with_exit_code_2()
    {
        var seeded = emulator.Catalog.Repositories.Take(3).ToList();
        var paths = seeded.Select(r => $"{r["registry"]}/{r["repository"]}").Append("quay.io/no/such").ToArray();

        var (code, output) = await RunAsync(["repo", .. paths, "--endpoint", emulator.Endpoint.ToString()]);

        Assert.Equal(2, code);
        foreach (var repository in seeded)
        {
            var row = Row(output, $"{repository["registry"]}/{repository["repository"]} ");
            Assert.Contains((string)repository["_id"]!, row, StringComparison.Ordinal);
            Assert.Contains(repository["published"]!.ToString()!, row, StringComparison.Ordinal);
        }

        Assert.Contains("not found", Row(output, "quay.io/no/such"), StringComparison.Ordinal);
        Assert.Equal(1, emulator.Stats.Requests); // four lookups, one aliased request
    }

    [Fact]
    public async Task Repo_exits_0_when_every_repository_exists()
    {
        var first = emulator.Catalog.Repositories[0];

        var (code, _) = await RunAsync(["repo", $"{first["registry"]}/{first["repository"]}", "--endpoint", emulator.Endpoint.ToString()]);

        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Images_prints_every_image_of_the_builds_from_the_catalog()
    {
        var builds = emulator.Catalog.Images.Select(Build).Distinct().Take(2).ToArray();
        var expected = emulator.Catalog.Images.Where(i => builds.Contains(Build(i))).ToList();

        var (code, output) = await RunAsync(["images", .. builds, "--endpoint", emulator.Endpoint.ToString()]);

        Assert.Equal(0, code);
        Assert.All(expected, image => Assert.Contains((string)image["docker_image_digest"]!, output, StringComparison.Ordinal));
        Assert.Equal(expected.Count, output.Split('\n').Count(line => builds.Any(b => line.Contains(b, StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Images_of_an_unknown_build_exit_2_and_say_so()
    {
        var (code, output) = await RunAsync(["images", "no-such-build-1.0-1", "--endpoint", emulator.Endpoint.ToString()]);

        Assert.Equal(2, code);
        Assert.Contains("no images", Row(output, "no-such-build-1.0-1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_one_readable_error_and_exit_code_1()
    {
        var (code, output) = await RunAsync(["repo", "quay.io/a/b", "--endpoint", "http://127.0.0.1:9/graphql/"]);

        Assert.Equal(1, code);
        Assert.Contains(
            "(quay.io/a/b)",
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_without_a_registry_is_refused_before_any_request()
    {
        var (code, output) = await RunAsync(["repo", "ubi8", "--endpoint", emulator.Endpoint.ToString()]);

        Assert.NotEqual(0, code);
        Assert.Contains("'ubi8' is not registry/repository", output, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_certificate_without_its_key_is_a_settings_error()
    {
        var (code, output) = await RunAsync([
            "repo",
            "quay.io/a/b",
            "--cert",
            "/no/such/cert.pem",
            "--endpoint",
            emulator.Endpoint.ToString(),
        ]);

        Assert.Equal(1, code);
        Assert.Contains("ClientKeyPath", output, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Schema_pull_writes_the_endpoints_SDL_to_the_output_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pyxis-{Guid.NewGuid():N}.graphql");
        try
        {
            var (code, output) = await RunAsync(["schema", "pull", "--output", file, "--endpoint", emulator.Endpoint.ToString()]);

            Assert.Equal(0, code);
            Assert.Contains(file, output, StringComparison.Ordinal);
            Assert.Contains("get_repository_by_registry_path(", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Tags_asks_with_a_lambda_query_and_prints_the_repository_tags()
    {
        var seeded = emulator.Catalog.Repositories[2];
        var tags = ((List<object?>)seeded["auto_rebuild_tags"]!).Cast<string>().ToList();

        var (code, output) = await RunAsync([
            "tags",
            $"{seeded["registry"]}/{seeded["repository"]}",
            "--endpoint",
            emulator.Endpoint.ToString(),
        ]);
        var (missingCode, missing) = await RunAsync(["tags", "quay.io/no/such", "--endpoint", emulator.Endpoint.ToString()]);

        Assert.Equal(0, code);
        Assert.Contains(string.Join(", ", tags), output, StringComparison.Ordinal);
        Assert.Equal(2, missingCode);
        Assert.Contains("quay.io/no/such not found", missing, StringComparison.Ordinal);
    }

    private static string Build(Dictionary<string, object?> image) => (string)((Dictionary<string, object?>)image["brew"]!)["build"]!;

    private static string Row(string output, string start) =>
        Assert.Single(output.Split('\n'), line => line.Contains(start, StringComparison.Ordinal));

    [Fact]
    public async Task Repo_says_a_failure_shared_by_every_lookup_once_in_one_line_instead_of_a_table()
    {
        await using var refusing = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.HttpStatus(403) }
        );

        var (code, output) = await RunAsync(["repo", "quay.io/a/b", "quay.io/c/d", "--endpoint", refusing.Endpoint.ToString()]);

        Assert.Equal(1, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("HTTP 403", line, StringComparison.Ordinal);
        Assert.Contains("(2 lookups: quay.io/a/b, quay.io/c/d)", line, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output)> RunAsync(string[] args, int width = 500, bool terminal = false) =>
        CliRun.RunAsync(args, width, terminal);
}
