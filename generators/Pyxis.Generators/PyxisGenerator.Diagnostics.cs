using System.Linq;
using Microsoft.CodeAnalysis;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators;

// Diagnostics travel apart from sources (as in System.Text.Json's generator): each pipeline's findings are equatable
// values, gathered here into one list that a single output reports, so a source output never reports and a cached
// finding is not rebuilt.
public sealed partial class PyxisGenerator
{
    private static IncrementalValueProvider<EquatableArray<DiagnosticInfo>> CollectDiagnostics(
        IncrementalValueProvider<SchemaModel?> schema,
        IncrementalValueProvider<SchemaSet> named,
        OperationPipeline operations,
        IncrementalValuesProvider<LambdaSpec> lambdas
    )
    {
        var schemaDiagnostics = schema
            .Select(static (s, _) => s?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(StepNames.SchemaDiagnostics);
        var namedDiagnostics = named.Select(static (set, _) => set.Diagnostics);

        // A mistake inside a shared fragment is found by every operation that spreads it; report it once.
        var operationDiagnostics = operations
            .Files.Select(static (file, _) => file.Diagnostics)
            .Collect()
            .Select(static (all, _) => all.SelectMany(d => d).Distinct().ToEquatableArray())
            .WithTrackingName(StepNames.OperationDiagnostics);

        var unusedFragments = operations
            .Files.Collect()
            .Combine(operations.Fragments)
            .Select(static (input, _) => FragmentUsage.Unused(input.Left, input.Right))
            .WithTrackingName(StepNames.UnusedFragments);

        var lambdaDiagnostics = lambdas
            .Select(static (spec, _) => spec.Diagnostics)
            .Collect()
            .Select(static (all, _) => all.SelectMany(d => d).ToEquatableArray())
            .WithTrackingName(StepNames.LambdaDiagnostics);

        var duplicates = operations
            .Files.Select(static (file, _) => file.Names)
            .Collect()
            .Select(static (names, _) => DuplicateNames.Find(names))
            .WithTrackingName(StepNames.DuplicateNames);

        var duplicateFragments = operations.Fragments.Select(DuplicateNames.FindFragments).WithTrackingName(StepNames.DuplicateFragments);

        return Concat(
            schemaDiagnostics,
            namedDiagnostics,
            operations.ClaimProblems,
            operationDiagnostics,
            unusedFragments,
            lambdaDiagnostics,
            duplicates,
            duplicateFragments
        );
    }

    // Pairwise, so each partial list is a cached value of its own and an unchanged part costs no copy.
    private static IncrementalValueProvider<EquatableArray<DiagnosticInfo>> Concat(
        params IncrementalValueProvider<EquatableArray<DiagnosticInfo>>[] parts
    )
    {
        var all = parts[0];
        for (var i = 1; i < parts.Length; i++)
        {
            all = all.Combine(parts[i])
                .Select(static (pair, _) => pair.Left.Count == 0 ? pair.Right : pair.Left.Concat(pair.Right).ToEquatableArray())
                .WithTrackingName(StepNames.Diagnostics);
        }

        return all;
    }
}
