using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Parsing;

/// <summary>Reads the named schemas: each parsed once, a name used twice or not usable as a C# name refused.</summary>
internal static class NamedSchemas
{
    public static SchemaSet Read(ImmutableArray<GraphQLFile> files, GeneratorOptions options, CancellationToken cancellationToken)
    {
        if (files.IsEmpty)
        {
            return SchemaSet.Empty;
        }

        var schemas = new List<NamedSchema>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var group in files.GroupBy(f => f.Schema!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ordered = group.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var file = ordered[0];
            if (!IsIdentifier(group.Key))
            {
                diagnostics.Add(
                    new DiagnosticInfo(
                        DiagnosticCatalog.InvalidSchemaName.Id,
                        LocationInfo.From(file.Path, SourceText.From(file.Content), 0, 0),
                        new[] { group.Key, file.Path }.ToEquatableArray()
                    )
                );
                continue;
            }

            var model =
                ordered.Count > 1
                    ? SchemaSelector.Failed(
                        ordered[1],
                        SchemaSelector.SeveralSchemas(
                            ordered[1],
                            "schema '" + group.Key + "'",
                            string.Join(", ", ordered.Select(f => f.Path)),
                            "give each PyxisSchema item its own Name"
                        )
                    )
                    : SchemaSelector.Parse(file).WithScalars(options.Scalars);
            // A parse error says which schema it is in; the PYX026 names it already.
            diagnostics.AddRange(ordered.Count > 1 ? model.Diagnostics : model.Diagnostics.Select(d => d with { Schema = group.Key }));
            schemas.Add(new NamedSchema(group.Key, Folder(file.OperationsFolder, options.ProjectDir), model));
        }

        return new SchemaSet(schemas.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>A folder as a project-relative path without <c>./</c> or a trailing slash, the form operation files' paths have.</summary>
    internal static string? Folder(string? folder, string? projectDir)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return null;
        }

        var path = folder!.Trim().Replace('\\', '/');
        if (System.IO.Path.IsPathRooted(path))
        {
            path = InputFiles.RelativeTo(projectDir, path.TrimEnd('/') + "/x").Replace('\\', '/');
            path = path.Substring(0, path.Length - 1);
        }

        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }

        return path.TrimEnd('/');
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
