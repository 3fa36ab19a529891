using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Model;

/// <summary>One <c>.graphql</c> additional file, reduced to what the pipeline needs.</summary>
internal sealed record GraphQLFile(string Path, string Content, bool IsSchema)
{
    /// <summary>The path relative to the project, so generated file names are the same in every checkout.</summary>
    public string ProjectPath { get; init; } = Path;

    /// <summary>
    /// The schema this file is or belongs to: a named schema's <c>Name</c>, or null for the default schema. For an
    /// operation file, MSBuild metadata names it (<c>Schema</c> on a <c>PyxisOperation</c> item) or its folder decides
    /// (<see cref="Pipeline.SchemaClaims"/>).
    /// </summary>
    public string? Schema { get; init; }

    /// <summary>A named schema file's operations folder, relative to the project (<c>OperationsFolder</c> metadata).</summary>
    public string? OperationsFolder { get; init; }
}

internal sealed record OperationName(string Name, LocationInfo Location);

/// <summary>Everything one operation file produces: specs to emit, diagnostics, and what it needs from the shared types.</summary>
internal sealed record OperationFileResult(
    string Path,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<string> UsedSchemaTypes,
    EquatableArray<OperationName> Names
)
{
    /// <summary>Every fragment name the file spreads, for the Fragments Must Be Used rule.</summary>
    public EquatableArray<string> SpreadNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The path relative to the project (see <see cref="GraphQLFile.ProjectPath"/>).</summary>
    public string ProjectPath { get; init; } = Path;

    /// <summary>False when the file could not be checked (syntax error, no usable schema): its spreads are unknown.</summary>
    public bool Checked { get; init; }

    /// <summary>The named schema the file was checked against, or null for the default schema.</summary>
    public string? Schema { get; init; }
}

/// <summary>
/// An operation file that defines fragments, which operations in other files may spread; <see cref="Locations"/> parallels
/// <see cref="Names"/>.
/// </summary>
internal sealed record FragmentFile(string Path, string Content, EquatableArray<string> Names, EquatableArray<LocationInfo> Locations)
{
    /// <summary>The named schema of the file (null: the default): only operations of the same schema may spread its fragments.</summary>
    public string? Schema { get; init; }

    /// <summary>The fragment names this file's fragments spread, to follow spreads from file to file.</summary>
    public EquatableArray<string> Spreads { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>What one parse of an operation file tells the steps before validation: its fragments and its spreads.</summary>
internal sealed record FileScan(GraphQLFile File, FragmentFile? Fragments, EquatableArray<string> Spreads);

/// <summary>An operation file with the fragment files it can reach through its spreads, and no others.</summary>
internal sealed record OperationInput(GraphQLFile File, EquatableArray<FragmentFile> Fragments);
