using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Parsing;

/// <summary>Picks the default schema file and parses it once per change of its text.</summary>
internal static class SchemaSelector
{
    /// <summary>The advice of a PYX026 about the default schema: pick one, or name them to use several.</summary>
    public const string DefaultSchemaAdvice =
        "choose one with <PyxisSchema>path/to/schema.graphql</PyxisSchema> in the project file (or PyxisRole=\"Schema\" on one AdditionalFiles item), keep other GraphQL files out of the operations folder, or give the other schema a name (<PyxisSchema Include=\"path.graphql\" Name=\"Internal\" />) to use several";

    public static SchemaModel? Select(ImmutableArray<GraphQLFile> schemaFiles, CancellationToken cancellationToken)
    {
        var file = schemaFiles.OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();
        if (file is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (schemaFiles.Length > 1)
        {
            var names = string.Join(", ", schemaFiles.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal));
            return Failed(file, SeveralSchemas(file, "the default schema", names, DefaultSchemaAdvice));
        }

        return Parse(file);
    }

    /// <summary>Parses one schema file; a parser failure becomes PYX018 at the file, never an exception.</summary>
    public static SchemaModel Parse(GraphQLFile file)
    {
        var text = SourceText.From(file.Content);
        try
        {
            return SchemaParser.Parse(file.Path, text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var diagnostic = new DiagnosticInfo(
                DiagnosticCatalog.InternalError.Id,
                LocationInfo.From(file.Path, text, 0, 0),
                new[] { file.Path, ex.GetType().Name + ": " + ex.Message }.ToEquatableArray()
            );
            return Failed(file, diagnostic);
        }
    }

    public static DiagnosticInfo SeveralSchemas(GraphQLFile at, string which, string paths, string advice) =>
        new(
            DiagnosticCatalog.SeveralSchemas.Id,
            LocationInfo.From(at.Path, SourceText.From(at.Content), 0, 0),
            new[] { which, paths, advice }.ToEquatableArray()
        );

    public static SchemaModel Failed(GraphQLFile file, DiagnosticInfo diagnostic) =>
        new(file.Path, file.Content, new(), null, null, new[] { diagnostic }.ToEquatableArray());
}
