using System.Text.RegularExpressions;
using Pyxis.Client.Lambdas;
using Pyxis.Testing;

namespace Pyxis.Client.Tests;

/// <summary>
/// The README's "Queries in C#" samples, compiled here as written and run against the emulator; the test fails when
/// the README's text and this file's region drift apart.
/// </summary>
public sealed partial class ReadmeLambdaSamplesTests : IAsyncLifetime
{
    private EmulatorSession session = null!;

    public async Task InitializeAsync() => session = await EmulatorSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task The_samples_in_the_README_are_the_ones_run_here()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"));
        var source = await File.ReadAllTextAsync(
            Path.Combine(RepositoryRoot.Path, "tests", "Pyxis.Client.Tests", "ReadmeLambdaSamplesTests.cs")
        );

        var region = Sample().Match(source).Groups["body"].Value;
        var lines = region.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var text = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim())).Trim();

        Assert.True(text.Length > 200, "the samples region was not found");
        Assert.Contains(text, readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_samples_run_against_the_emulator()
    {
        if (session.Emulator.Catalog.FindRepository("registry.access.redhat.com", "ubi9/ubi") is null)
        {
            session.Emulator.Catalog.AddRepository("registry.access.redhat.com", "ubi9/ubi", autoRebuildTags: ["latest", "9.6"]);
        }

        var paths = session.Paths(12).ToList();
        Console.Lines.Clear();

        var repo = await Samples(session.Client, paths);

        Assert.Equal("ubi9/ubi", repo.Repository);
        Assert.Equal(new[] { "latest", "9.6" }, repo.Tags!);
        // With no arguments given, every repository counts (tests sharing the emulator may add more meanwhile).
        Assert.InRange(repo.Total!.Value, paths.Count + 1, session.Emulator.Catalog.Repositories.Count());
        foreach (var path in paths)
        {
            Assert.Contains($"{path}: {session.Emulator.Catalog.FindRepository(path.Registry, path.Repository)!["_id"]}", Console.Lines);
        }

        // The image the mutation created is in the emulator's catalog now.
        var architecture = await session.Client.QueryAsync(repo.Created, static (q, id) => q.GetImage(id, r => r.Data?.Architecture));
        Assert.Equal("arm64", architecture);

        var published = session.Emulator.Catalog.Repositories.Where(r => (bool)r["published"]!).Select(r => (string)r["_id"]!);
        Assert.All(published, id => Assert.Contains(id, Console.Lines));
    }

    private static async Task<(string? Repository, IReadOnlyList<string?>? Tags, string? Created, int? Total)> Samples(
        IPyxisClient client,
        List<(string Registry, string Repository)> paths
    )
    {
        #region README: Queries in C#
        // One lookup, as a projection of the fields it reads.
        var repo = await client.QueryAsync(new { Registry = "registry.access.redhat.com", Path = "ubi9/ubi" }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => new
            {
                r.Data?.Repository,
                r.Data?.Published,
                Tags = r.Data?.AutoRebuildTags,
            })
        );

        // One lambda over many inputs: alias-batched, streamed in completion order.
        await foreach (
            var item in client.QueryEachAsync(paths, static (q, v) =>
                q.GetRepositoryByRegistryPath(v.Registry, v.Repository, r => r.Data?.Id)
            )
        )
            Console.WriteLine($"{item.Input}: {item.Value}");

        // Every item of a paginated root field: page 0 tells the total, the other pages run concurrently.
        await foreach (
            var id in client.QueryAllAsync(
                new { Filter = new ContainerRepositoryFilter { Published = new BooleanFilter { Eq = true } } },
                static (q, v, page) => q.FindRepositories(null, page.Index, page.Size, v.Filter, r => r.Data!.Select(x => x!.Id))
            )
        )
            Console.WriteLine(id);

        // A mutation: sent as a `mutation`, so never retried and never answered from the cache.
        var created = await client.MutateAsync(new { Input = new ContainerImageInput { Architecture = "arm64" } }, static (m, v) =>
            m.CreateImage(v.Input, r => r.Data!.Id)
        );

        // Nullable arguments are optional: one not given is left out of the document (the server's default applies).
        var total = await client.QueryAsync(static q => q.FindRepositories(p => p.Total));
        #endregion

        return (repo.Repository, repo.Tags, created, total);
    }

    [GeneratedRegex(@"#region README: Queries in C#\r?\n(?<body>.*?)#endregion", RegexOptions.Singleline)]
    private static partial Regex Sample();

    // The samples print; here printing is kept so the test can check it.
    private static class Console
    {
        public static List<string?> Lines { get; } = [];

        public static void WriteLine(string? line)
        {
            lock (Lines)
            {
                Lines.Add(line);
            }
        }
    }
}
