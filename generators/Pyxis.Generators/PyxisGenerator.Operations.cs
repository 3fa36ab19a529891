using System.Linq;
using Microsoft.CodeAnalysis;
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
        IncrementalValuesProvider<(OperationFileResult Left, EquatableArray<string> Right)> Emitted
    );

    private static OperationPipeline BuildOperations(
        IncrementalValuesProvider<GraphQLFile> files,
        IncrementalValueProvider<SchemaModel?> schema,
        IncrementalValueProvider<GeneratorOptions> options
    )
    {
        var scans = files
            .Where(static f => !f.IsSchema)
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

        // A name defined twice is emitted once (its PYX015 is reported with the other diagnostics).
        var winners = operations
            .Select(static (file, _) => file.Names)
            .Collect()
            .Select(static (names, _) => DuplicateNames.Winners(names))
            .WithTrackingName(StepNames.DuplicateNameWinners);

        return new OperationPipeline(operations, fragments, operations.Combine(winners));
    }
}
