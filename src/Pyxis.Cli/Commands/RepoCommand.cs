using System.CommandLine;
using Pyxis.Cli.Output;
using Pyxis.Client;
using Pyxis.Client.Batching;
using Spectre.Console;
using Repository = Pyxis.Client.GetRepositoryByRegistryPathQuery.ContainerRepository;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis repo registry/path…</c>: repositories by registry path, 25 lookups per request, one table.</summary>
internal static class RepoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "registry/repository, e.g. registry.access.redhat.com/ubi8/ubi",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => Split(t.Value) is null))
            {
                result.AddError($"'{token.Value}' is not registry/repository (e.g. registry.access.redhat.com/ubi8/ubi).");
            }
        });
        var connection = new ConnectionOptions();
        var output = OutputOption.Create();
        var aliases = new Option<int>("--aliases")
        {
            Description = "Lookups per request (1: one request per lookup)",
            DefaultValueFactory = _ => 25,
        };
        aliases.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100)
            {
                result.AddError("--aliases must be 1 to 100.");
            }
        });
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once", DefaultValueFactory = _ => 8 };
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--concurrency must be 1 to 1000.");
            }
        });
        var command = new Command("repo", "Look up repositories by registry path (exit code 2 when some do not exist)")
        {
            paths,
            output,
            aliases,
            concurrency,
        };
        connection.AddTo(command);
        command.SetAction((result, ct) => CommandRun.SafelyAsync(console, async () =>
                {
                    var pairs = result.GetValue(paths)!.Select(p => Split(p)!.Value).ToList();
                    var json = result.GetValue(output) == OutputFormat.Json;
                    using var client = new PyxisClient(connection.Read(result));
                    var items = await ProgressView.RunAsync(
                        console,
                        !json,
                        $"Looking up {pairs.Count} repositories",
                        pairs.Count,
                        async progress =>
                        {
                            var found = new BatchItem<(string Registry, string Repository), Repository?>[pairs.Count];
                            var done = 0;
                            await foreach (
                                var item in client.GetRepositoriesByRegistryPathAsync(
                                    pairs,
                                    new BatchOptions
                                    {
                                        AliasesPerRequest = result.GetValue(aliases),
                                        MaxConcurrency = result.GetValue(concurrency),
                                    },
                                    ct
                                )
                            )
                            {
                                found[item.Index] = item;
                                progress(++done);
                            }

                            return found;
                        }
                    );

                    if (json)
                    {
                        JsonOutput.Write(console, w => RepoJson.Write(w, items));
                    }
                    else
                    {
                        // When nothing could be asked, a table of identical errors says less than one red line.
                        if (!items.All(i => !i.Succeeded))
                        {
                            ResultView.Write(console, Headers, items.Select(Row).ToList());
                        }

                        CommandRun.ReportFailures(
                            console,
                            items
                                .Where(i => i.Exception is not null)
                                .Select(i => (i.Exception!, $"{i.Input.Registry}/{i.Input.Repository}"))
                        );
                    }

                    return items.Any(i => !i.Succeeded) ? CommandRun.Failed
                        : items.Any(i => i.Value is null) ? CommandRun.SomeMissing
                        : CommandRun.Found;
                }));
        return command;
    }

    /// <summary>The registry is everything before the first slash; repositories may contain more slashes.</summary>
    internal static (string Registry, string Repository)? Split(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < path.Length - 1 ? (path[..slash], path[(slash + 1)..]) : null;
    }

    private static readonly string[] Headers = ["Registry path", "Published", "Release categories", "Auto-rebuild tags", "Id"];

    private static Cell[] Row(BatchItem<(string Registry, string Repository), Repository?> item)
    {
        var path = $"{item.Input.Registry}/{item.Input.Repository}";
        return item switch
        {
            { Exception: { } error } => [path, new($"failed ({CommandRun.Kind(error)} error, below)", "red"), "", "", ""],
            { Value: null } => [path, new("not found", "yellow"), "", "", ""],
            { Value: { } repository } =>
            [
                path,
                repository.Published?.ToString() ?? "-",
                Joined(repository.ReleaseCategories),
                Joined(repository.AutoRebuildTags),
                repository.Id ?? "-",
            ],
        };
    }

    internal static string Joined(IEnumerable<string?>? values) => values is null ? string.Empty : string.Join(", ", values);
}
