using System.Linq;
using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Model;

/// <summary>
/// One named schema (<c>&lt;PyxisSchema Include="…" Name="Internal" /&gt;</c>): its parse, and the project folder whose
/// operation files are checked against it.
/// </summary>
internal sealed record NamedSchema(string Name, string? Folder, SchemaModel Model);

/// <summary>Where a named schema's operations are: files under <see cref="Folder"/> (project-relative) belong to it.</summary>
internal sealed record SchemaRoute(string Name, string Folder);

/// <summary>The project's named schemas (the default schema is read on its own, as before there were several).</summary>
internal sealed record SchemaSet(EquatableArray<NamedSchema> Schemas, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static readonly SchemaSet Empty = new(EquatableArray<NamedSchema>.Empty, EquatableArray<DiagnosticInfo>.Empty);

    public NamedSchema? Find(string name) => Schemas.FirstOrDefault(s => s.Name == name);

    /// <summary>Names and folders only: claiming files by folder must not re-run when a schema's text changes.</summary>
    public SchemaClaimRules Rules =>
        new(
            Schemas.Select(s => s.Name).ToEquatableArray(),
            Schemas.Where(s => s.Folder is not null).Select(s => new SchemaRoute(s.Name, s.Folder!)).ToEquatableArray()
        );
}

/// <summary>What decides which schema an operation file belongs to: the schema names, and their operations folders.</summary>
internal sealed record SchemaClaimRules(EquatableArray<string> Names, EquatableArray<SchemaRoute> Routes);

/// <summary>An operation file with its schema decided (<see cref="GraphQLFile.Schema"/>), or the reason it has none.</summary>
internal sealed record ClaimedFile(GraphQLFile File, DiagnosticInfo? Problem);

/// <summary>What one named schema's operations use: schema types (inputs, enums) and fragment interfaces.</summary>
internal sealed record NamedUse(string Schema, EquatableArray<string> SchemaTypes, EquatableArray<FragmentInterfaceSpec> Fragments);

/// <summary>A named schema's generated client and shared types (see <see cref="GeneratorOptions.ForSchema"/>).</summary>
internal sealed record NamedTypesSpec(
    string Name,
    string Namespace,
    string SchemaPath,
    SharedTypesSpec Shared,
    FragmentInterfacesSpec Fragments
);
