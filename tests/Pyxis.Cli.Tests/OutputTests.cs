using System.Text.Json;
using Pyxis.Emulator;

namespace Pyxis.Cli.Tests;

/// <summary>
/// What scripts and narrow terminals get from <c>pyxis repo</c> and <c>images</c>: JSON, whole values, no stale progress.
/// </summary>
public sealed class OutputTests : IAsyncLifetime
{
    private PyxisEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await PyxisEmulator.StartAsync();

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Fact]
    public async Task Repo_json_is_one_array_with_a_status_per_path_and_nothing_else()
    {
        var seeded = emulator.Catalog.Repositories[0];
        var path = $"{seeded["registry"]}/{seeded["repository"]}";

        var (code, output) = await RunAsync([
            "repo",
            path,
            "quay.io/no/such",
            "--output",
            "json",
            "--endpoint",
            emulator.Endpoint.ToString(),
        ]);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("found", items[0].GetProperty("status").GetString());
        Assert.Equal((string)seeded["_id"]!, items[0].GetProperty("id").GetString());
        Assert.Equal((bool)seeded["published"]!, items[0].GetProperty("published").GetBoolean());
        Assert.Equal("not_found", items[1].GetProperty("status").GetString());
        Assert.Equal("quay.io", items[1].GetProperty("registry").GetString());
    }

    [Fact]
    public async Task Repo_json_reports_an_unreachable_endpoint_per_path_with_exit_code_1()
    {
        var (code, output) = await RunAsync(["repo", "quay.io/a/b", "--output", "json", "--endpoint", "http://127.0.0.1:9/graphql/"]);

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var item = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.Contains("Pyxis", item.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Images_json_lists_every_image_and_the_builds_without_any()
    {
        var build = emulator.Catalog.Images.Select(Build).First();
        var expected = emulator
            .Catalog.Images.Where(i => Build(i) == build)
            .Select(i => (string)i["docker_image_digest"]!)
            .Order(StringComparer.Ordinal);

        var (code, output) = await RunAsync(["images", build, "none-1.0-1", "-o", "json", "--endpoint", emulator.Endpoint.ToString()]);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        var digests = json
            .RootElement.GetProperty("images")
            .EnumerateArray()
            .Select(i => i.GetProperty("digest").GetString()!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, digests);
        Assert.Equal("none-1.0-1", Assert.Single(json.RootElement.GetProperty("missing").EnumerateArray().ToList()).GetString());
    }

    [Fact]
    public async Task On_an_80_column_terminal_no_value_is_split_across_lines()
    {
        var builds = emulator.Catalog.Images.Select(Build).Distinct().Take(2).ToArray();
        var digests = emulator.Catalog.Images.Where(i => builds.Contains(Build(i))).Select(i => (string)i["docker_image_digest"]!).ToList();

        var (code, output) = await RunAsync(["images", .. builds, "--endpoint", emulator.Endpoint.ToString()], width: 80);

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 80, line));
        Assert.All(digests, digest => Assert.Contains(lines, line => line.Contains(digest, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Piped_output_has_no_progress_lines_and_a_terminal_has_them_cleared_before_the_table()
    {
        var paths = emulator.Catalog.Repositories.Take(3).Select(r => $"{r["registry"]}/{r["repository"]}").ToArray();

        // Slow enough for a progress line to be drawn (it refreshes every 100 ms), were it drawn when piped.
        await using var slow = await PyxisEmulator.StartAsync(new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(400) });
        var (_, piped) = await RunAsync(["repo", .. paths, "--endpoint", slow.Endpoint.ToString()]);

        // On a terminal the answers wait until the line is there: a loaded machine may draw it later than 400 ms.
        using var screen = new WatchedWriter("Looking up");
        await using var held = await PyxisEmulator.StartAsync(
            new EmulatorOptions
            {
                AnswerWhen = async (_, ct) =>
                {
                    try
                    {
                        await screen.Written.WaitAsync(TimeSpan.FromSeconds(60), ct);
                    }
                    catch (TimeoutException)
                    {
                        // Answer anyway: the assertion below reports the missing line.
                    }
                },
            }
        );
        var (_, terminal) = await CliRun.RunAsync(
            ["repo", .. paths, "--endpoint", held.Endpoint.ToString()],
            terminal: true,
            output: screen
        );

        Assert.DoesNotContain("Looking up", piped, StringComparison.Ordinal);
        Assert.Contains("Looking up 3 repositories", terminal, StringComparison.Ordinal);
        Assert.All(paths, p =>
            Assert.Contains(p, terminal[terminal.LastIndexOf("Looking up", StringComparison.Ordinal)..], StringComparison.Ordinal)
        );
    }

    private static string Build(Dictionary<string, object?> image) => (string)((Dictionary<string, object?>)image["brew"]!)["build"]!;

    private static Task<(int Code, string Output)> RunAsync(string[] args, int width = 500, bool terminal = false) =>
        CliRun.RunAsync(args, width, terminal);
}
