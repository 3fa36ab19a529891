using System.CommandLine;
using System.Text.Json;
using Pyxis.Cli.Output;
using Pyxis.Client;
using Spectre.Console;
using Image = Pyxis.Client.FindImagesQuery.ContainerImage;

namespace Pyxis.Cli.Commands;

/// <summary><c>pyxis images NVR…</c>: the images of Brew builds, every page, one table (or JSON).</summary>
internal static class ImagesCommand
{
    private static readonly string[] Headers = ["NVR", "Architecture", "Digest", "Repositories"];

    public static Command Create(IAnsiConsole console)
    {
        var nvrs = new Argument<string[]>("nvr")
        {
            Description = "Brew build NVRs, e.g. ubi8-container-8.9-1042",
            Arity = ArgumentArity.OneOrMore,
        };
        var connection = new ConnectionOptions();
        var output = OutputOption.Create();
        var command = new Command("images", "Find the images of Brew builds by NVR (exit code 2 when a build has none)") { nvrs, output };
        connection.AddTo(command);
        command.SetAction((result, ct) => CommandRun.SafelyAsync(console, async () =>
                {
                    var wanted = result.GetValue(nvrs)!.Distinct(StringComparer.Ordinal).ToList();
                    var json = result.GetValue(output) == OutputFormat.Json;
                    using var client = new PyxisClient(connection.Read(result));
                    var images = await ProgressView.RunAsync(
                        console,
                        !json,
                        $"Finding the images of {wanted.Count} builds",
                        null,
                        async _ =>
                        {
                            var found = new List<Image>();
                            await foreach (var image in client.FindImagesByNvrsAsync(wanted, cancellationToken: ct))
                            {
                                found.Add(image!);
                            }

                            return found;
                        }
                    );

                    var sorted = images
                        .OrderBy(i => i.Brew?.Build, StringComparer.Ordinal)
                        .ThenBy(i => i.Architecture, StringComparer.Ordinal)
                        .ToList();
                    var missing = wanted.Where(n => !images.Exists(i => i.Brew?.Build == n)).ToList();
                    if (json)
                    {
                        JsonOutput.Write(console, w => Json(w, sorted, missing));
                    }
                    else
                    {
                        ResultView.Write(
                            console,
                            Headers,
                            [.. sorted.Select(Row), .. missing.Select(n => new Cell[] { n, new("no images", "yellow"), "", "" })]
                        );
                    }

                    return missing.Count == 0 ? CommandRun.Found : CommandRun.SomeMissing;
                }));
        return command;
    }

    private static Cell[] Row(Image image) =>
        [image.Brew?.Build ?? "-", image.Architecture ?? "-", image.DockerImageDigest ?? "-", string.Join(", ", Repositories(image))];

    private static IEnumerable<string> Repositories(Image image) => image.Repositories?.Select(r => $"{r?.Registry}/{r?.Repository}") ?? [];

    private static void Json(Utf8JsonWriter writer, List<Image> images, List<string> missing)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("images");
        foreach (var image in images)
        {
            writer.WriteStartObject();
            writer.WriteString("nvr", image.Brew?.Build);
            writer.WriteString("architecture", image.Architecture);
            writer.WriteString("digest", image.DockerImageDigest);
            JsonOutput.WriteStrings(writer, "repositories", Repositories(image));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        JsonOutput.WriteStrings(writer, "missing", missing);
        writer.WriteEndObject();
    }
}
