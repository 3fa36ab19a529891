using System.CommandLine;
using Pyxis.Client;
using Pyxis.Client.SchemaPull;
using Spectre.Console;

namespace Pyxis.Cli.Commands;

/// <summary>
/// <c>pyxis schema pull</c>: refreshes the SDL the generator reads, from a live endpoint by introspection;
/// <c>pyxis schema check</c> (<see cref="SchemaCheckCommand"/>): what another schema breaks of the project's operations.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<FileInfo>("--output")
        {
            Description = "Where to write the SDL",
            DefaultValueFactory = _ => new FileInfo("pyxis.graphql"),
        };
        var connection = new ConnectionOptions();
        var pull = new Command("pull", "Write the endpoint's schema as SDL (introspection)") { output };
        connection.AddTo(pull);
        pull.SetAction((result, ct) => CommandRun.SafelyAsync(console, async () =>
                {
                    using var client = new PyxisClient(connection.Read(result));
                    var sdl = await client.PullSdlAsync(ct);
                    var file = result.GetValue(output)!;
                    await File.WriteAllTextAsync(file.FullName, sdl, ct);
                    console.MarkupLine(
                        $"Wrote [green]{Markup.Escape(file.FullName)}[/] ({sdl.Split('\n').Length} lines) from {Markup.Escape(client.Endpoint.ToString())}"
                    );
                    return CommandRun.Found;
                }));
        return new Command("schema", "Work with the Pyxis schema") { pull, SchemaCheckCommand.Create(console) };
    }
}
