using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Parsing;

/// <summary>Reads the generator's inputs: which <c>.graphql</c> files are the schema, and the MSBuild options.</summary>
internal static class InputFiles
{
    public static bool IsGraphQL(AdditionalText file) => file.Path.EndsWith(".graphql", StringComparison.OrdinalIgnoreCase);

    public static GraphQLFile Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var content = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var metadata = options.GetOptions(file);
        metadata.TryGetValue("build_metadata.AdditionalFiles.PyxisRole", out var role);
        var name = Path.GetFileName(file.Path);
        // An explicit role wins; only files without one are recognised by name (pyxis.graphql, *.schema.graphql).
        var isSchema =
            string.Equals(role, "Schema", StringComparison.OrdinalIgnoreCase)
            || (
                string.IsNullOrEmpty(role)
                && (
                    name.Equals("pyxis.graphql", StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith(".schema.graphql", StringComparison.OrdinalIgnoreCase)
                )
            );
        var projectDir = options.GlobalOptions.TryGetValue("build_property.ProjectDir", out var dir) ? dir : null;
        return new GraphQLFile(file.Path, content, isSchema)
        {
            ProjectPath = RelativeTo(projectDir, file.Path),
            Schema = Get(metadata, "build_metadata.AdditionalFiles.PyxisSchemaName"),
            OperationsFolder = Get(metadata, "build_metadata.AdditionalFiles.PyxisOperationsFolder"),
        };
    }

    // netstandard2.0 has no Path.GetRelativePath; generated file names only need a stable, checkout-independent key.
    internal static string RelativeTo(string? directory, string path)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return Path.GetFileName(path);
        }

        var from = directory!.Replace('\\', '/').TrimEnd('/').Split('/');
        var to = path.Replace('\\', '/').Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.Ordinal))
        {
            common++;
        }

        var up = string.Concat(System.Linq.Enumerable.Repeat("../", from.Length - common));
        return up + string.Join("/", to, common, to.Length - common);
    }

    public static GeneratorOptions ReadOptions(AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var global = provider.GlobalOptions;
        var ns = Get(global, "build_property.PyxisNamespace") ?? Get(global, "build_property.RootNamespace") ?? "Pyxis.Generated";
        var operations = Get(global, "build_property.PyxisOperationsClass") ?? "PyxisOperations";
        var mode =
            Get(global, "build_property.PyxisSchemaTypes") is { } text
            && Enum.TryParse<SchemaTypesMode>(text, ignoreCase: true, out var parsed)
                ? parsed
                : SchemaTypesMode.Reachable;
        var reserved = Items(Get(global, "build_property.PyxisReservedOperations"));
        return new GeneratorOptions(ns, operations)
        {
            SchemaTypes = mode,
            TypesNamespace = mode == SchemaTypesMode.Referenced ? Get(global, "build_property.PyxisTypesNamespace") ?? "Pyxis.Client" : ns,
            ReservedOperations = reserved.ToEquatableArray(),
            Scalars = Scalars(Get(global, "build_property.PyxisScalars")),
            SchemaName = Get(global, "build_property.PyxisSchemaName") ?? "Pyxis",
            ProjectDir = Get(global, "build_property.ProjectDir"),
        };
    }

    // "ObjectIDFilterScalar=MyApp.ObjectId,DateTime=MyApp.When": written by the package's targets from PyxisScalar items.
    private static EquatableArray<ScalarMapping> Scalars(string? text) =>
        Items(text)
            .Select(pair => pair.Split('='))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Length > 0 && parts[1].Trim().Length > 0)
            .Select(parts => new ScalarMapping(parts[0].Trim(), parts[1].Trim().TrimStart(':').Replace("global::", string.Empty)))
            .OrderBy(m => m.Scalar, StringComparer.Ordinal)
            .ToEquatableArray();

    // MSBuild lists reach the generator as one property value, separated by commas (or semicolons).
    private static IEnumerable<string> Items(string? text) =>
        (text ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim()).Where(n => n.Length > 0);

    private static string? Get(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
