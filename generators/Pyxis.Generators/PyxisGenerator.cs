using System.Linq;
using Microsoft.CodeAnalysis;
using Pyxis.Generators.Building;
using Pyxis.Generators.Emit;
using Pyxis.Generators.Lambdas;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;
using Pyxis.Generators.Pipeline;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators;

/// <summary>
/// Pyxis schema + <c>.graphql</c> operations → typed C#. Stages: Parsing → Validation → Model → Emit.
/// Only additional files and MSBuild options feed it, never the Compilation, so editing C# costs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class PyxisGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context
            .AdditionalTextsProvider.Where(InputFiles.IsGraphQL)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => InputFiles.Read(pair.Left, pair.Right, ct))
            .WithTrackingName(StepNames.Files);

        var options = context.AnalyzerConfigOptionsProvider.Select(InputFiles.ReadOptions).WithTrackingName(StepNames.Options);

        var schema = files
            .Where(static f => f.IsSchema)
            .Collect()
            .Select(SchemaSelector.Select)
            .Combine(options)
            .Select(static (pair, _) => pair.Left?.WithScalars(pair.Right.Scalars))
            .WithTrackingName(StepNames.Schema);

        var operationFiles = files.Where(static f => !f.IsSchema);

        var scans = operationFiles
            .Select(
                static (file, ct) =>
                {
                    ct.ThrowIfCancellationRequested();
                    return FragmentLibrary.Scan(file);
                }
            )
            .WithTrackingName(StepNames.OperationFiles);

        var fragments = scans
            .Select(static (scan, _) => scan.Fragments)
            .Where(static f => f is not null)
            .Collect()
            .Select(static (found, _) => found.Select(f => f!).OrderBy(f => f.Path, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(StepNames.Fragments);

        // Each operation file sees only the fragment files its spreads reach: editing a fragment re-checks the
        // operations that use it, and every other operation stays cached.
        var operationInputs = scans
            .Combine(fragments)
            .Select(static (input, _) => new OperationInput(input.Left.File, FragmentLibrary.Reachable(input.Left.Spreads, input.Right)))
            .WithTrackingName(StepNames.OperationInputs);

        var operations = operationInputs
            .Combine(schema)
            .Combine(options)
            .Select(
                static (input, ct) =>
                    OperationFileProcessor.Process(input.Left.Left.File, input.Left.Right, input.Left.Left.Fragments, input.Right, ct)
            )
            .WithTrackingName(StepNames.Operations);

        var shared = operations
            .Select(static (file, _) => file.UsedSchemaTypes)
            .Collect()
            .Combine(schema)
            .Combine(options)
            .Select(
                static (input, _) =>
                    input.Left.Right is { IsUsable: true } s
                        ? SharedTypesBuilder.Build(s, input.Left.Left.SelectMany(u => u), input.Right)
                        : new SharedTypesSpec(
                            input.Right.TypesNamespace,
                            EquatableArray<InputTypeSpec>.Empty,
                            EquatableArray<EnumSpec>.Empty
                        )
            )
            .WithTrackingName(StepNames.SharedTypes);

        var fragmentInterfaces = operations
            .Select(static (file, _) => file.Operations.SelectMany(op => op.Fragments).ToEquatableArray())
            .Collect()
            .Combine(options)
            .Select(
                static (input, _) =>
                    FragmentInterfaceBuilder.Collect(input.Right.Namespace, input.Left.SelectMany(f => f)) with
                    {
                        TypesNamespace = input.Right.TypesNamespace,
                    }
            )
            .WithTrackingName(StepNames.FragmentInterfaces);

        var duplicates = operations
            .Select(static (file, _) => file.Names)
            .Collect()
            .Select(static (names, _) => DuplicateNames.Find(names))
            .WithTrackingName(StepNames.DuplicateNames);

        var duplicateFragments = fragments.Select(DuplicateNames.FindFragments).WithTrackingName(StepNames.DuplicateFragments);

        context.RegisterSourceOutput(schema, SourceOutput.ReportSchema);
        var winners = operations
            .Select(static (file, _) => file.Names)
            .Collect()
            .Select(static (names, _) => DuplicateNames.Winners(names))
            .WithTrackingName(StepNames.DuplicateNames + "Winners");

        // A mistake inside a shared fragment is found by every operation that spreads it; report it once.
        var operationDiagnostics = operations
            .Select(static (file, _) => file.Diagnostics)
            .Collect()
            .Select(static (all, _) => all.SelectMany(d => d).Distinct().ToEquatableArray())
            .WithTrackingName(StepNames.Operations + "Diagnostics");

        var unusedFragments = operations
            .Collect()
            .Combine(fragments)
            .Select(static (input, _) => FragmentUsage.Unused(input.Left, input.Right))
            .WithTrackingName(StepNames.Fragments + "Unused");

        context.RegisterSourceOutput(operations.Combine(winners), static (spc, pair) =>
            SourceOutput.Operations(spc, pair.Left, pair.Right)
        );
        context.RegisterSourceOutput(operationDiagnostics, SourceOutput.Report);
        context.RegisterSourceOutput(unusedFragments, SourceOutput.Report);
        context.RegisterSourceOutput(shared, SourceOutput.Shared);
        context.RegisterSourceOutput(fragmentInterfaces, SourceOutput.Fragments);

        // The selectable schema for lambda queries ships with the package (every type of the bundled schema).
        var surface = schema
            .Combine(options)
            .Select(static (input, _) => input.Left is { IsUsable: true } s ? SurfaceBuilder.Build(s, input.Right) : SurfaceSpec.Empty)
            .WithTrackingName(StepNames.Surface);
        context.RegisterSourceOutput(surface, SourceOutput.Surface);

        // Lambda queries: each QueryAsync call site is read from its syntax, translated, checked and intercepted.
        var lambdas = context
            .SyntaxProvider.CreateSyntaxProvider(LambdaReader.IsCandidate, LambdaReader.Read)
            .Where(static call => call is not null)
            .WithTrackingName(StepNames.LambdaCalls)
            .Combine(schema)
            .Combine(options)
            .Select(static (input, _) => LambdaBuilder.Build(input.Left.Left!, input.Left.Right, input.Right))
            .WithTrackingName(StepNames.Lambdas);
        context.RegisterSourceOutput(lambdas, SourceOutput.Lambda);
        RegisterManifest(context, operations, lambdas, options);
        context.RegisterSourceOutput(duplicates, SourceOutput.Report);
        context.RegisterSourceOutput(duplicateFragments, SourceOutput.Report);
    }
}
