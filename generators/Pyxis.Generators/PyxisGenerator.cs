using Microsoft.CodeAnalysis;
using Pyxis.Generators.Emit;

namespace Pyxis.Generators;

/// <summary>
/// Pyxis schema + <c>.graphql</c> operations + C# lambda queries → typed C#. Stages: Parsing → Validation → Building → Emit.
/// The <c>.graphql</c> pipeline reads only additional files and MSBuild options, never the Compilation, so editing C#
/// costs it nothing; the lambda pipeline reads each query call site with its semantic model, again only when its own
/// file or another file's declarations changed. Both pipelines check operations with one validator (<c>Validation/</c>).
/// Each pipeline lives in its own partial file; this one only wires them to their outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class PyxisGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Inputs (PyxisGenerator.Inputs.cs): MSBuild options, the .graphql files, the schema among them.
        var options = ReadOptions(context);
        var files = ReadFiles(context);
        var schema = ReadSchema(files, options);
        var named = ReadNamedSchemas(files, options);

        // .graphql operations (PyxisGenerator.Operations.cs): each file checked, against its own schema, with the fragments it reaches.
        var operations = BuildOperations(files, schema, named, options);
        context.RegisterSourceOutput(operations.Emitted, SourceOutput.Operations);

        // Types shared by every operation (PyxisGenerator.SharedTypes.cs): inputs, enums, fragment interfaces.
        context.RegisterSourceOutput(BuildSharedTypes(operations.Files, schema, options), SourceOutput.Shared);
        context.RegisterSourceOutput(BuildFragmentInterfaces(operations.Files, options), SourceOutput.Fragments);
        context.RegisterSourceOutput(BuildNamedTypes(operations.Files, named, options), SourceOutput.Named);

        // Lambda queries (PyxisGenerator.Lambdas.cs): the selectable schema, and each QueryAsync call site intercepted.
        context.RegisterSourceOutput(BuildSurface(schema, options), SourceOutput.Surface);
        var lambdas = BuildLambdas(context, schema, options);
        context.RegisterSourceOutput(lambdas, SourceOutput.Lambda);

        // The operation manifest (PyxisGenerator.Manifest.cs): its class, and the index of the parts that each operation's
        // and lambda's own file carries.
        context.RegisterSourceOutput(ManifestClass(options), ManifestOutput.AddClass);
        context.RegisterSourceOutput(BuildManifestIndex(operations.Emitted, lambdas, options), ManifestOutput.AddIndex);

        // Diagnostics (PyxisGenerator.Diagnostics.cs): every pipeline's findings, reported by one output.
        context.RegisterSourceOutput(CollectDiagnostics(schema, named, operations, lambdas), SourceOutput.Report);
    }
}
