namespace Pyxis.Generators;

/// <summary>Tracking names of the pipeline steps; tests assert their caching by these names.</summary>
internal static class StepNames
{
    public const string Files = nameof(Files);
    public const string Options = nameof(Options);
    public const string Schema = nameof(Schema);
    public const string OperationFiles = nameof(OperationFiles);
    public const string Fragments = nameof(Fragments);
    public const string OperationInputs = nameof(OperationInputs);
    public const string Operations = nameof(Operations);
    public const string DuplicateNameWinners = nameof(DuplicateNameWinners);
    public const string SharedTypes = nameof(SharedTypes);
    public const string FragmentInterfaces = nameof(FragmentInterfaces);
    public const string Surface = nameof(Surface);
    public const string LambdaSites = nameof(LambdaSites);
    public const string LambdaDeclarations = nameof(LambdaDeclarations);
    public const string LambdaCalls = nameof(LambdaCalls);
    public const string Lambdas = nameof(Lambdas);
    public const string SchemaDiagnostics = nameof(SchemaDiagnostics);
    public const string OperationDiagnostics = nameof(OperationDiagnostics);
    public const string UnusedFragments = nameof(UnusedFragments);
    public const string LambdaDiagnostics = nameof(LambdaDiagnostics);
    public const string DuplicateNames = nameof(DuplicateNames);
    public const string DuplicateFragments = nameof(DuplicateFragments);
    public const string Diagnostics = nameof(Diagnostics);
    public const string EmittedOperations = nameof(EmittedOperations);
    public const string ManifestClass = nameof(ManifestClass);
    public const string LambdaManifestKeys = nameof(LambdaManifestKeys);
    public const string ManifestIndex = nameof(ManifestIndex);
    public const string NamedSchemas = nameof(NamedSchemas);
    public const string SchemaClaims = nameof(SchemaClaims);
    public const string NamedSharedTypes = nameof(NamedSharedTypes);
}
