using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Parsing;

/// <summary>Picks the schema file and parses it once per change of its text.</summary>
internal static class SchemaSelector
{
    public static SchemaModel? Select(ImmutableArray<GraphQLFile> schemaFiles, CancellationToken cancellationToken)
    {
        var file = schemaFiles.OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();
        if (file is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var text = SourceText.From(file.Content);
        if (schemaFiles.Length > 1)
        {
            var names = string.Join(", ", schemaFiles.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal));
            var diagnostic = new DiagnosticInfo(
                DiagnosticCatalog.SeveralSchemas.Id,
                LocationInfo.From(file.Path, text, 0, 0),
                new[] { names }.ToEquatableArray()
            );
            return new SchemaModel(file.Path, file.Content, new(), null, null, new[] { diagnostic }.ToEquatableArray());
        }

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
            return new SchemaModel(file.Path, file.Content, new(), null, null, new[] { diagnostic }.ToEquatableArray());
        }
    }
}
