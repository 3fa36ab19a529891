using System.Linq;
using Microsoft.CodeAnalysis;
using Pyxis.Generators.Model;
using Pyxis.Generators.Pipeline;

namespace Pyxis.Generators;

public sealed partial class PyxisGenerator
{
    // The operation manifest is split so that its cost on an edit does not grow with the project: each entry is written
    // into its own operation's or lambda's generated file (SourceOutput), the class that joins them depends only on the
    // options, and the index of parts holds only names and positions, so editing a lambda in place leaves it unchanged.
    private static IncrementalValueProvider<(string Namespace, string Schema)> ManifestClass(
        IncrementalValueProvider<GeneratorOptions> options
    ) => options.Select(static (o, _) => (o.Namespace, o.SchemaName)).WithTrackingName(StepNames.ManifestClass);

    private static IncrementalValueProvider<ManifestIndex> BuildManifestIndex(
        IncrementalValuesProvider<EquatableArray<EmittedOperation>> operations,
        IncrementalValuesProvider<LambdaSpec> lambdas,
        IncrementalValueProvider<GeneratorOptions> options
    )
    {
        var fromFiles = operations.Select(static (ops, _) => ManifestBuilder.Keys(ops)).Collect();
        var fromLambdas = lambdas
            .Select(static (spec, _) => ManifestBuilder.LambdaKey(spec))
            .WithTrackingName(StepNames.LambdaManifestKeys)
            .Collect();
        return fromFiles
            .Combine(fromLambdas)
            .Combine(options)
            .Select(
                static (input, _) =>
                    ManifestBuilder.Index(
                        input.Right.SchemaName,
                        input.Left.Left.SelectMany(k => k).Concat(input.Left.Right.Where(k => k is not null).Select(k => k!))
                    )
            )
            .WithTrackingName(StepNames.ManifestIndex);
    }
}
