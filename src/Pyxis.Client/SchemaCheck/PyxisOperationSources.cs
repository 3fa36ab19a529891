using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Pyxis.Client.SchemaCheck;

/// <summary>
/// Where the operations a project ships come from: the operation manifest the build writes
/// (<c>obj/…/pyxis-operations.json</c>), or a folder of <c>.graphql</c> files read directly.
/// </summary>
public static class PyxisOperationSources
{
    /// <summary>
    /// Reads an operation manifest file (<c>{"version":1,"schema":…,"operations":[…]}</c>): the operations of the project's
    /// default schema (the manifest's <c>schema</c>), or with <paramref name="schema"/> those of that named schema. A
    /// project with several schemas ships operations for several services, and each must be checked against its own.
    /// </summary>
    /// <exception cref="PyxisSchemaCheckException">The file is missing or is not a manifest.</exception>
    public static IReadOnlyList<PyxisOperationInfo> ReadManifest(string path, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PyxisSchemaCheckException($"The operation manifest {path} does not exist.");
        }

        return ParseManifest(File.ReadAllText(path), path, schema);
    }

    /// <summary>
    /// Reads an operation manifest's JSON; <paramref name="source"/> names it in errors. Only the operations of
    /// <paramref name="schema"/> are returned (default: the manifest's own schema, see <see cref="ReadManifest"/>).
    /// </summary>
    /// <exception cref="PyxisSchemaCheckException">The JSON is not a version 1 manifest, or an operation lacks its name or document.</exception>
    public static IReadOnlyList<PyxisOperationInfo> ParseManifest(string json, string source = "operation manifest", string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ManifestJson? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, ManifestJsonContext.Default.ManifestJson);
        }
        catch (JsonException ex)
        {
            throw new PyxisSchemaCheckException($"{source} is not JSON: {ex.Message}", ex);
        }

        if (manifest is not { Version: 1, Operations: { } operations })
        {
            throw new PyxisSchemaCheckException(
                $"{source} is not a version 1 operation manifest (\"version\": 1 and an \"operations\" array)."
            );
        }

        return operations
            .Select(
                (o, i) =>
                    o is { Name: not null, Document: not null }
                        ? o with
                        {
                            Id = o.Id ?? Sha256(o.Document),
                            Kind = o.Kind ?? "operation",
                            OperationType = o.OperationType ?? "query",
                            File = o.File ?? source,
                            Schema = o.Schema ?? manifest.Schema,
                        }
                        : throw new PyxisSchemaCheckException($"{source}: operation {i} has no name or no document.")
            )
            .Where(o => o.Schema == (schema ?? manifest.Schema))
            .ToList();
    }

    /// <summary>
    /// Every operation in the <c>.graphql</c> files under <paramref name="directory"/>, each with the fragments it spreads
    /// (from any file there), its file, line and column; files that define schema types are skipped.
    /// </summary>
    /// <exception cref="PyxisSchemaCheckException">The folder does not exist, or a file does not parse.</exception>
    public static IReadOnlyList<PyxisOperationInfo> ReadFolder(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new PyxisSchemaCheckException($"The operations folder {directory} does not exist.");
        }

        var files = Directory
            .EnumerateFiles(directory, "*.graphql", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Select(f => (f.Path, f.Text, Document: Parse(f.Path, f.Text)))
            .Where(f =>
                !f.Document.Definitions.Any(d => d is GraphQLTypeDefinition or GraphQLSchemaDefinition or GraphQLDirectiveDefinition)
            )
            .ToList();
        var fragments = files
            .SelectMany(f => f.Document.Definitions.OfType<GraphQLFragmentDefinition>().Select(d => (Definition: d, f.Text)))
            .GroupBy(d => d.Definition.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var operations = new List<PyxisOperationInfo>();
        foreach (var (path, text, document) in files)
        {
            foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                var body = new StringBuilder(Slice(text, operation));
                foreach (var name in Spreads(operation, fragments))
                {
                    body.Append("\n\n").Append(Slice(fragments[name].Text, fragments[name].Definition));
                }

                var (line, column) = Position(text, operation.Location.Start);
                var documentText = body.ToString();
                operations.Add(
                    new PyxisOperationInfo(
                        operation.Name?.StringValue ?? "(unnamed)",
                        "operation",
                        operation.Operation == OperationType.Mutation ? "mutation" : "query",
                        documentText,
                        Sha256(documentText),
                        path,
                        line,
                        column
                    )
                );
            }
        }

        return operations;
    }

    // The fragments an operation reaches, through other fragments too, each once, in the order first reached.
    private static List<string> Spreads(ASTNode root, Dictionary<string, (GraphQLFragmentDefinition Definition, string Text)> fragments)
    {
        var found = new List<string>();
        var pending = new Stack<ASTNode>([root]);
        while (pending.Count > 0)
        {
            foreach (var spread in SpreadsIn(pending.Pop()))
            {
                if (fragments.TryGetValue(spread, out var fragment) && !found.Contains(spread))
                {
                    found.Add(spread);
                    pending.Push(fragment.Definition);
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> SpreadsIn(ASTNode node) =>
        node switch
        {
            GraphQLFragmentSpread spread => [spread.FragmentName.Name.StringValue],
            IHasSelectionSetNode { SelectionSet: { } set } => set.Selections.SelectMany(SpreadsIn),
            _ => [],
        };

    private static GraphQLDocument Parse(string path, string text)
    {
        try
        {
            return Parser.Parse(text);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            throw new PyxisSchemaCheckException($"{path}({ex.Location.Line},{ex.Location.Column}): {ex.Description}", ex);
        }
    }

    private static string Slice(string text, ASTNode node) => text[node.Location.Start..node.Location.End];

    private static (int Line, int Column) Position(string text, int offset)
    {
        var before = text.AsSpan(0, offset);
        var lastNewLine = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, offset - lastNewLine);
    }

    internal static string Sha256(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}

internal sealed record ManifestJson(int Version, string? Schema, List<PyxisOperationInfo>? Operations);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ManifestJson))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
