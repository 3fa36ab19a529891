using System.CommandLine;
using Pyxis.Cli.Output;
using Pyxis.Client;
using Pyxis.Client.SchemaCheck;
using Pyxis.Client.SchemaPull;
using Spectre.Console;

namespace Pyxis.Cli.Commands;

/// <summary>
/// <c>pyxis schema check</c>: the project's schema and operations against another schema (a live endpoint's, or a
/// file). Exit 0: no shipped operation breaks; 1: one does (or, without operations or with <c>--strict</c>, any
/// breaking change); 2: the check could not run.
/// </summary>
internal static class SchemaCheckCommand
{
    public const int Safe = 0;
    public const int Breaking = 1;
    public const int CouldNotCheck = 2;

    public static Command Create(IAnsiConsole console)
    {
        var schema = new Option<FileInfo?>("--schema")
        {
            Description = "The new schema as an SDL file (instead of introspecting --endpoint)",
        };
        var projectSchema = new Option<FileInfo?>("--project-schema")
        {
            Description = "The schema the project was built against (default: the bundled Pyxis schema)",
        };
        var manifests = new Option<FileInfo[]>("--manifest")
        {
            Description = "An operation manifest (obj/…/pyxis-operations.json); repeatable",
        };
        var folders = new Option<DirectoryInfo[]>("--operations") { Description = "A folder of .graphql operations; repeatable" };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 on any breaking change, even one no shipped operation uses" };
        var output = OutputOption.Create();
        output.Description = "table (default) or json: one JSON document on stdout, for CI";
        var connection = new ConnectionOptions();
        var check = new Command("check", "Compare the project's schema and operations with a live endpoint's schema or a file")
        {
            schema,
            projectSchema,
            manifests,
            folders,
            strict,
            output,
        };
        connection.AddTo(check);
        check.SetAction(
            async (result, ct) =>
            {
                var json = result.GetValue(output) == OutputFormat.Json;
                try
                {
                    var operations = (result.GetValue(manifests) ?? [])
                        .SelectMany(m => PyxisOperationSources.ReadManifest(m.FullName))
                        .Concat((result.GetValue(folders) ?? []).SelectMany(f => PyxisOperationSources.ReadFolder(f.ToString())))
                        .ToList();
                    var given = result.GetValue(manifests) is { Length: > 0 } || result.GetValue(folders) is { Length: > 0 };
                    var before = result.GetValue(projectSchema) is { } file ? await ReadAsync(file, ct) : PyxisSchemaCheck.BundledSchema;
                    var (after, source) = result.GetValue(schema) is { } newFile
                        ? (await ReadAsync(newFile, ct), newFile.FullName)
                        : await PullAsync(connection.Read(result), ct);
                    var report = PyxisSchemaCheck.Check(before, after, operations);
                    var code =
                        report.BreaksOperations || (report.HasBreakingChanges && (!given || result.GetValue(strict))) ? Breaking : Safe;
                    SchemaCheckView.Print(console, report, source, code, json);
                    return code;
                }
                catch (Exception ex) when (ex is PyxisException or PyxisSchemaCheckException or ArgumentException or IOException)
                {
                    SchemaCheckView.PrintFailure(console, ex.Message, json);
                    return CouldNotCheck;
                }
            }
        );
        return check;
    }

    private static async Task<string> ReadAsync(FileInfo file, CancellationToken ct) =>
        file.Exists
            ? await File.ReadAllTextAsync(file.FullName, ct)
            : throw new PyxisSchemaCheckException($"The schema file {file.FullName} does not exist.");

    private static async Task<(string Sdl, string Source)> PullAsync(PyxisClientOptions options, CancellationToken ct)
    {
        using var client = new PyxisClient(options);
        return (await client.PullSdlAsync(ct), client.Endpoint.ToString());
    }
}
