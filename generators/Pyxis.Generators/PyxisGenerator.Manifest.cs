using System.Linq;
using Microsoft.CodeAnalysis;
using Pyxis.Generators.Model;
using Pyxis.Generators.Pipeline;

namespace Pyxis.Generators;

public sealed partial class PyxisGenerator
{
    // The operation manifest: every operation file's and every lambda's entries, reduced to plain data first so an
    // unrelated C# edit leaves the collected list unchanged.
    private static IncrementalValueProvider<ManifestSpec> BuildManifest(
        IncrementalValuesProvider<OperationFileResult> operations,
        IncrementalValuesProvider<LambdaSpec> lambdas,
        IncrementalValueProvider<GeneratorOptions> options
    )
    {
        var fromFiles = operations.Select(static (file, _) => ManifestBuilder.Operations(file)).Collect();
        var fromLambdas = lambdas
            .Combine(options)
            .Select(static (input, _) => ManifestBuilder.Lambda(input.Left, input.Right.ProjectDir))
            .Where(static entry => entry is not null)
            .Collect();
        return fromFiles
            .Combine(fromLambdas)
            .Combine(options)
            .Select(
                static (input, _) =>
                    ManifestBuilder.Build(input.Right, input.Left.Left.SelectMany(e => e).Concat(input.Left.Right.Select(e => e!)))
            )
            .WithTrackingName(StepNames.Manifest);
    }
}
