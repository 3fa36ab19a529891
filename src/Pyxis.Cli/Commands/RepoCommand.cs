using System.CommandLine;
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
        var paths = new Argument<string[]>("path") { Description = "registry/repository, e.g. registry.access.redhat.com/ubi8/ubi", Arity = ArgumentArity.OneOrMore };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => Split(t.Value) is null))
            {
                result.AddError($"'{token.Value}' is not registry/repository (e.g. registry.access.redhat.com/ubi8/ubi).");
            }
        });
        var connection = new ConnectionOptions();
        var command = new Command("repo", "Look up repositories by registry path (exit code 2 when some do not exist)") { paths };
        connection.AddTo(command);
        command.SetAction((result, ct) => CommandRun.SafelyAsync(console, async () =>
        {
            var pairs = result.GetValue(paths)!.Select(p => Split(p)!.Value).ToList();
            using var client = new PyxisClient(connection.Read(result));
            var items = new BatchItem<(string Registry, string Repository), Repository?>[pairs.Count];
            await foreach (var item in client.GetRepositoriesByRegistryPathAsync(pairs, new BatchOptions { AliasesPerRequest = 25 }, ct))
            {
                items[item.Index] = item;
            }

            // When nothing could be asked, a table of identical errors says less than one red line.
            if (!items.All(i => !i.Succeeded))
            {
                console.Write(Table(items));
            }

            CommandRun.ReportFailures(console, items.Where(i => i.Exception is not null).Select(i => (i.Exception!, $"{i.Input.Registry}/{i.Input.Repository}")));
            return items.Any(i => !i.Succeeded) ? CommandRun.Failed : items.Any(i => i.Value is null) ? CommandRun.SomeMissing : CommandRun.Found;
        }));
        return command;
    }

    /// <summary>The registry is everything before the first slash; repositories may contain more slashes.</summary>
    internal static (string Registry, string Repository)? Split(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < path.Length - 1 ? (path[..slash], path[(slash + 1)..]) : null;
    }

    private static Table Table(IEnumerable<BatchItem<(string Registry, string Repository), Repository?>> items)
    {
        var table = new Table().AddColumns("Registry path", "Published", "Release categories", "Auto-rebuild tags", "Id");
        foreach (var item in items)
        {
            var path = Markup.Escape($"{item.Input.Registry}/{item.Input.Repository}");
            if (item.Exception is { } error)
            {
                table.AddRow(path, $"[red]failed ({Markup.Escape(error.GetType().Name.Replace("Pyxis", string.Empty, StringComparison.Ordinal).Replace("Exception", string.Empty, StringComparison.Ordinal).ToLowerInvariant())} error, below)[/]", string.Empty, string.Empty, string.Empty);
            }
            else if (item.Value is not { } repository)
            {
                table.AddRow(path, "[yellow]not found[/]", string.Empty, string.Empty, string.Empty);
            }
            else
            {
                table.AddRow(
                    path,
                    repository.Published?.ToString() ?? "-",
                    Markup.Escape(Joined(repository.ReleaseCategories)),
                    Markup.Escape(Joined(repository.AutoRebuildTags)),
                    Markup.Escape(repository.Id ?? "-"));
            }
        }

        return table;
    }

    private static string Joined(IEnumerable<string?>? values) => values is null ? string.Empty : string.Join(", ", values);
}
