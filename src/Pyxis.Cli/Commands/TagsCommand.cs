using System.CommandLine;
using Pyxis.Cli.Output;
using Pyxis.Client;
using Pyxis.Client.Lambdas;
using Spectre.Console;

namespace Pyxis.Cli.Commands;

/// <summary>
/// <c>pyxis tags registry/path</c>: a repository's auto-rebuild tags and release categories, asked with a lambda query
/// (so the NativeAOT build in CI proves lambda queries publish warning-free and run).
/// </summary>
internal static class TagsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var path = new Argument<string>("path") { Description = "registry/repository, e.g. registry.access.redhat.com/ubi8/ubi" };
        var connection = new ConnectionOptions();
        var command = new Command(
            "tags",
            "Show a repository's auto-rebuild tags and release categories (exit code 2 when it does not exist)"
        )
        {
            path,
        };
        connection.AddTo(command);
        command.SetAction((result, ct) => CommandRun.SafelyAsync(console, async () =>
                {
                    var target = RepoCommand.Split(result.GetValue(path)!)
                        ?? throw new ArgumentException(
                            $"'{result.GetValue(path)}' is not registry/repository (e.g. registry.access.redhat.com/ubi8/ubi)."
                        );
                    using var client = new PyxisClient(connection.Read(result));
                    var found = await client.QueryAsync(
                        target,
                        static (q, v) =>
                            q.GetRepositoryByRegistryPath(v.Registry, v.Repository, r =>
                                r.Data is null ? null : new { r.Data.AutoRebuildTags, r.Data.ReleaseCategories }
                            ),
                        ct
                    );
                    if (found is null)
                    {
                        console.MarkupLine($"[yellow]{Markup.Escape($"{target.Registry}/{target.Repository}")} not found[/]");
                        return CommandRun.SomeMissing;
                    }

                    ResultView.Write(
                        console,
                        ["Auto-rebuild tags", "Release categories"],
                        [
                            [RepoCommand.Joined(found.AutoRebuildTags), RepoCommand.Joined(found.ReleaseCategories)],
                        ]
                    );
                    return CommandRun.Found;
                }));
        return command;
    }
}
