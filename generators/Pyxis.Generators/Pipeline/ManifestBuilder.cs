using System;
using System.Collections.Generic;
using System.Linq;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;

namespace Pyxis.Generators.Pipeline;

/// <summary>Lists what the project sends: each generated <c>.graphql</c> operation and each translated lambda query.</summary>
internal static class ManifestBuilder
{
    public static ManifestPart Operation(OperationFileResult file, OperationSpec op, GeneratorOptions options)
    {
        var location = file.Names.FirstOrDefault(n => n.Name == op.Name)?.Location;
        var entry = new ManifestEntry(
            op.Name,
            "operation",
            op.Kind,
            op.Document,
            file.ProjectPath,
            (location?.Line ?? 0) + 1,
            (location?.Column ?? 0) + 1,
            file.Schema ?? options.SchemaName
        );
        return new ManifestPart(options.Namespace, HintNames.Operation(op, file), entry);
    }

    /// <summary>A lambda that could not be translated sends nothing, so it is not listed.</summary>
    public static ManifestPart? Lambda(LambdaSpec spec, GeneratorOptions options) =>
        spec.Diagnostics.Count > 0 || spec.Roots.Count == 0
            ? null
            : new ManifestPart(
                options.Namespace,
                HintNames.Lambda(spec),
                new ManifestEntry(
                    spec.OperationName,
                    "lambda",
                    spec.Call.Kind == LambdaKind.Mutation ? "mutation" : "query",
                    spec.Document,
                    InputFiles.RelativeTo(options.ProjectDir, spec.Call.FilePath),
                    spec.Call.Location.Line + 1,
                    spec.Call.Location.Column + 1,
                    options.SchemaName
                )
            );

    /// <summary>The operations a file emits, each with its manifest part.</summary>
    public static EquatableArray<EmittedOperation> Emitted(
        OperationFileResult file,
        EquatableArray<string> winners,
        GeneratorOptions options
    ) => HintNames.Emitted(file, winners).Select(op => new EmittedOperation(op, Operation(file, op, options))).ToEquatableArray();

    public static EquatableArray<ManifestKey> Keys(EquatableArray<EmittedOperation> operations) =>
        operations.Select(op => Key(op.Manifest)).ToEquatableArray();

    public static ManifestKey? LambdaKey(LambdaSpec spec) => spec.Manifest is { } part ? Key(part) : null;

    public static ManifestIndex Index(string schema, IEnumerable<ManifestKey> keys) =>
        new(
            schema,
            keys.OrderBy(k => k.File, StringComparer.Ordinal)
                .ThenBy(k => k.Line)
                .ThenBy(k => k.Column)
                .ThenBy(k => k.Name, StringComparer.Ordinal)
                .Select(k => k.HintName)
                .ToEquatableArray()
        );

    private static ManifestKey Key(ManifestPart part) =>
        new(part.HintName, part.Entry.File, part.Entry.Line, part.Entry.Column, part.Entry.Name);
}
