using System.Linq;
using Microsoft.CodeAnalysis;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Pipeline;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators;

public sealed partial class PyxisGenerator
{
    /// <summary>The .graphql pipeline's results: each checked file, the fragment pool, and what to emit.</summary>
    private readonly record struct OperationPipeline(
        IncrementalValuesProvider<OperationFileResult> Files,
        IncrementalValueProvider<EquatableArray<FragmentFile>> Fragments,
        IncrementalValuesProvider<EquatableArray<EmittedOperation>> Emitted,
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> ClaimProblems
    );

    private static OperationPipeline BuildOperations(
        IncrementalValuesProvider<GraphQLFile> files,
        IncrementalValueProvider<SchemaModel?> schema,
        IncrementalValueProvider<SchemaSet> named,
        IncrementalValueProvider<GeneratorOptions> options
    )
    {
        // Which schema each file belongs to depends only on the schemas' names and folders, not on their text.
        var claims = files
            .Where(static f => !f.IsSchema)
            .Combine(named.Select(static (set, _) => set.Rules))
            .Select(static (input, _) => SchemaClaims.Claim(input.Left, input.Right))
            .WithTrackingName(StepNames.SchemaClaims);
        var claimProblems = claims
            .Where(static c => c.Problem is not null)
            .Select(static (c, _) => c.Problem!)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray());

        var scans = claims
            .Where(static c => c.Problem is null)
            .Select(static (c, _) => c.File)
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
            .Select(
                static (input, _) =>
                    new OperationInput(input.Left.File, FragmentLibrary.Reachable(input.Left.Spreads, input.Right, input.Left.File.Schema))
            )
            .WithTrackingName(StepNames.OperationInputs);

        // Each file gets only its own schema, so editing one schema leaves the other schemas' operations cached.
        var operations = operationInputs
            .Combine(named)
            .Select(static (input, _) => new SchemaOperations.Input(input.Left, SchemaOperations.Own(input.Left.File, input.Right)))
            .Combine(schema)
            .Combine(options)
            .Select(static (input, ct) => SchemaOperations.Process(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(StepNames.Operations);

        // A name defined twice is emitted once (its PYX015 is reported with the other diagnostics).
        var winners = operations
            .Select(static (file, _) => file.Names)
            .Collect()
            .Select(static (names, _) => DuplicateNames.Winners(names))
            .WithTrackingName(StepNames.DuplicateNameWinners);

        // Each file's emitted operations with their operation manifest parts (PyxisGenerator.Manifest.cs).
        var emitted = operations
            .Combine(winners)
            .Combine(options)
            .Select(static (input, _) => ManifestBuilder.Emitted(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(StepNames.EmittedOperations);

        return new OperationPipeline(operations, fragments, emitted, claimProblems);
    }
}
