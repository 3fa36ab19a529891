using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Building;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Pipeline;

/// <summary>One operation file through parse, validate and model. Never throws: a bug becomes PYX018.</summary>
internal static class OperationFileProcessor
{
    public static OperationFileResult Process(
        GraphQLFile file,
        SchemaModel? schema,
        EquatableArray<FragmentFile> fragments,
        GeneratorOptions options,
        System.Threading.CancellationToken cancellationToken = default
    )
    {
        try
        {
            return ProcessCore(file, schema, fragments, options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var diagnostic = new DiagnosticInfo(
                DiagnosticCatalog.InternalError.Id,
                null,
                new[] { file.Path, ex.GetType().Name + ": " + ex.Message }.ToEquatableArray()
            );
            return Empty(file, diagnostic);
        }
    }

    private static OperationFileResult ProcessCore(
        GraphQLFile file,
        SchemaModel? schema,
        EquatableArray<FragmentFile> fragments,
        GeneratorOptions options,
        System.Threading.CancellationToken cancellationToken
    )
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = SourceText.From(file.Content);
        var document = GraphQLDocumentParser.Parse(file.Path, text, file.Content, out var syntaxError);
        if (document is null)
        {
            return Empty(file, syntaxError!);
        }

        if (schema is null)
        {
            return Empty(
                file,
                new DiagnosticInfo(
                    DiagnosticCatalog.SchemaMissing.Id,
                    LocationInfo.From(file.Path, text, 0, 0),
                    new[] { file.Path }.ToEquatableArray()
                )
            );
        }

        if (!schema.IsUsable)
        {
            // The schema's own diagnostics explain the failure; checking operations against it would only add noise.
            return Empty(file, null);
        }

        var (bound, diagnostics) = OperationValidator.Validate(file.Path, text, file.Content, document, schema, fragments);
        cancellationToken.ThrowIfCancellationRequested();
        var names = document
            .Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>()
            .Where(op => op.Name is not null)
            .Select(op => new OperationName(op.Name!.StringValue, GraphQLDocumentParser.Locate(file.Path, text, op.Name!)))
            .ToList();
        var reserved = names.Where(n => options.ReservedOperations.Contains(n.Name)).ToList();
        diagnostics.AddRange(
            reserved.Select(n => new DiagnosticInfo(
                DiagnosticCatalog.ReservedOperation.Id,
                n.Location,
                new[] { n.Name, Model.Names.Pascal(n.Name), options.TypesNamespace }.ToEquatableArray()
            ))
        );
        var used = new HashSet<string>();
        var specs = bound
            .Where(op => !reserved.Any(r => r.Name == op.Name))
            .Select(op =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return op.HasErrors
                    ? BuildPartial(op, schema, options, file.Path, used)
                    : OperationModelBuilder.Build(op, schema, options, file.Path, used);
            })
            .Where(spec => spec is not null)
            .Select(spec => spec!)
            .ToList();
        return new OperationFileResult(
            file.Path,
            specs.ToEquatableArray(),
            diagnostics.Distinct().ToEquatableArray(),
            used.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
            names.ToEquatableArray()
        )
        {
            SpreadNames = FragmentUsage.SpreadNames(document),
            Checked = true,
            ProjectPath = file.ProjectPath,
        };
    }

    // What validated of a failing operation: its PYX error already explains the failure, so a shape the model cannot
    // take (nothing left to select) emits nothing rather than a second, internal error.
    private static OperationSpec? BuildPartial(
        BoundOperation op,
        SchemaModel schema,
        GeneratorOptions options,
        string path,
        HashSet<string> used
    )
    {
        if (op.Fields.Count == 0)
        {
            return null;
        }

        var names = new HashSet<string>(used);
        try
        {
            var spec = OperationModelBuilder.Build(op, schema, options, path, names);
            used.UnionWith(names);
            return spec;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private static OperationFileResult Empty(GraphQLFile file, DiagnosticInfo? diagnostic) =>
        new(
            file.Path,
            EquatableArray<OperationSpec>.Empty,
            diagnostic is null ? EquatableArray<DiagnosticInfo>.Empty : new[] { diagnostic }.ToEquatableArray(),
            EquatableArray<string>.Empty,
            EquatableArray<OperationName>.Empty
        );
}
