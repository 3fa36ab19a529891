using System.CommandLine;
using Pyxis.Client;
using Spectre.Console;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis schema pull</c>: refreshes the SDL the generator reads, from a live endpoint by introspection.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var endpoint = UriOption.Create("--endpoint", "The GraphQL endpoint to introspect", PyxisClientOptions.DefaultEndpoint);
        var output = new Option<FileInfo>("--output") { Description = "Where to write the SDL", DefaultValueFactory = _ => new FileInfo("pyxis.graphql") };
        var apiKey = new Option<string?>("--api-key") { Description = "Sent as X-API-KEY (defaults to the PYXIS_API_KEY environment variable)" };
        var pull = new Command("pull", "Write the endpoint's schema as SDL (introspection)") { endpoint, output, apiKey };
        pull.SetAction(async (result, ct) =>
        {
            using var client = new PyxisClient(new PyxisClientOptions
            {
                Endpoint = result.GetValue(endpoint)!,
                ApiKey = result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("PYXIS_API_KEY"),
            });
            try
            {
                var sdl = await client.PullSdlAsync(ct);
                var file = result.GetValue(output)!;
                await File.WriteAllTextAsync(file.FullName, sdl, ct);
                AnsiConsole.MarkupLine($"Wrote [green]{Markup.Escape(file.FullName)}[/] ({sdl.Split('\n').Length} lines) from {Markup.Escape(client.Endpoint.ToString())}");
                return 0;
            }
            catch (PyxisException ex)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                return 1;
            }
        });
        return new Command("schema", "Work with the Pyxis schema") { pull };
    }
}
