using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Pipeline;

/// <summary>
/// Decides which schema an operation file is checked against. A <c>Schema</c> named on the file's item wins; otherwise
/// the deepest named schema's operations folder that holds the file (so <c>Pyxis/Internal/</c> inside the default
/// <c>Pyxis/</c> folder works, as nested folders do in .editorconfig); otherwise the default schema.
/// </summary>
internal static class SchemaClaims
{
    public static ClaimedFile Claim(GraphQLFile file, SchemaClaimRules rules)
    {
        if (file.Schema is { } named)
        {
            return rules.Names.Contains(named) ? new ClaimedFile(file, null) : new ClaimedFile(file, Unknown(file, named, rules));
        }

        var path = file.ProjectPath.Replace('\\', '/');
        var holders = rules
            .Routes.Where(r => r.Folder.Length == 0 || path.StartsWith(r.Folder + "/", StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.Folder.Length)
            .OrderByDescending(g => g.Key)
            .FirstOrDefault()
            ?.OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return holders switch
        {
            null => new ClaimedFile(file, null),
            { Count: 1 } => new ClaimedFile(file with { Schema = holders[0].Name }, null),
            _ => new ClaimedFile(
                file,
                Problem(file, DiagnosticCatalog.TwoSchemaClaims.Id, file.ProjectPath, holders[0].Name, holders[1].Name)
            ),
        };
    }

    private static DiagnosticInfo Unknown(GraphQLFile file, string named, SchemaClaimRules rules) =>
        Problem(
            file,
            DiagnosticCatalog.UnknownSchemaClaim.Id,
            file.ProjectPath,
            named,
            rules.Names.Count == 0 ? "none" : string.Join(", ", rules.Names),
            Suggestions.DidYouMean(Suggestions.Closest(named, rules.Names))
        );

    private static DiagnosticInfo Problem(GraphQLFile file, string id, params string[] arguments) =>
        new(id, LocationInfo.From(file.Path, SourceText.From(file.Content), 0, 0), arguments.ToEquatableArray());
}
