using System.CommandLine;
using Pyxis.Client;
using Spectre.Console;
using Image = Pyxis.Client.FindImagesQuery.ContainerImage;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis images NVR…</c>: the images of Brew builds, every page, one table.</summary>
internal static class ImagesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var nvrs = new Argument<string[]>("nvr") { Description = "Brew build NVRs, e.g. ubi8-container-8.9-1042", Arity = ArgumentArity.OneOrMore };
        var connection = new ConnectionOptions();
        var command = new Command("images", "Find the images of Brew builds by NVR (exit code 2 when a build has none)") { nvrs };
        connection.AddTo(command);
        command.SetAction((result, ct) => CommandRun.SafelyAsync(console, async () =>
        {
            var wanted = result.GetValue(nvrs)!.Distinct(StringComparer.Ordinal).ToList();
            using var client = new PyxisClient(connection.Read(result));
            var images = new List<Image>();
            await foreach (var image in client.FindImagesByNvrsAsync(wanted, cancellationToken: ct))
            {
                images.Add(image!);
            }

            var missing = wanted.Where(n => !images.Exists(i => i.Brew?.Build == n)).ToList();
            console.Write(Table(images, missing));
            return missing.Count == 0 ? CommandRun.Found : CommandRun.SomeMissing;
        }));
        return command;
    }

    private static Table Table(List<Image> images, List<string> missing)
    {
        var table = new Table().AddColumns("NVR", "Architecture", "Digest", "Repositories");
        foreach (var image in images.OrderBy(i => i.Brew?.Build, StringComparer.Ordinal).ThenBy(i => i.Architecture, StringComparer.Ordinal))
        {
            var repositories = image.Repositories?.Select(r => $"{r?.Registry}/{r?.Repository}") ?? [];
            table.AddRow(
                Markup.Escape(image.Brew?.Build ?? "-"),
                Markup.Escape(image.Architecture ?? "-"),
                Markup.Escape(image.DockerImageDigest ?? "-"),
                Markup.Escape(string.Join(", ", repositories)));
        }

        foreach (var nvr in missing)
        {
            table.AddRow(Markup.Escape(nvr), "[yellow]no images[/]", string.Empty, string.Empty);
        }

        return table;
    }
}
