using System;
using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;

namespace Pyxis.Generators.Pipeline;

/// <summary>Lists what the project sends: each generated <c>.graphql</c> operation and each translated lambda query.</summary>
internal static class ManifestBuilder
{
    public static EquatableArray<ManifestEntry> Operations(OperationFileResult file) =>
        file
            .Operations.Select(op =>
            {
                var location = file.Names.FirstOrDefault(n => n.Name == op.Name)?.Location;
                return new ManifestEntry(
                    op.Name,
                    "operation",
                    op.Kind,
                    op.Document,
                    file.ProjectPath,
                    (location?.Line ?? 0) + 1,
                    (location?.Column ?? 0) + 1
                )
                {
                    Schema = file.Schema,
                };
            })
            .ToEquatableArray();

    /// <summary>A lambda that could not be translated sends nothing, so it is not listed.</summary>
    public static ManifestEntry? Lambda(LambdaSpec spec, string? projectDir) =>
        spec.Diagnostics.Count > 0 || spec.Roots.Count == 0
            ? null
            : new ManifestEntry(
                spec.OperationName,
                "lambda",
                spec.Call.Kind == LambdaKind.Mutation ? "mutation" : "query",
                spec.Document,
                InputFiles.RelativeTo(projectDir, spec.Call.FilePath),
                spec.Call.Location.Line + 1,
                spec.Call.Location.Column + 1
            );

    public static ManifestSpec Build(GeneratorOptions options, IEnumerable<ManifestEntry> entries) =>
        new(
            options.Namespace,
            options.SchemaName,
            entries
                .OrderBy(e => e.File, StringComparer.Ordinal)
                .ThenBy(e => e.Line)
                .ThenBy(e => e.Column)
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .ToEquatableArray()
        );
}
