using Microsoft.CodeAnalysis;
using Pyxis.Generators.Building;
using Pyxis.Generators.Lambdas;
using Pyxis.Generators.Model;

namespace Pyxis.Generators;

public sealed partial class PyxisGenerator
{
    // The selectable schema for lambda queries ships with the package (every type of the bundled schema).
    private static IncrementalValueProvider<SurfaceSpec> BuildSurface(
        IncrementalValueProvider<SchemaModel?> schema,
        IncrementalValueProvider<GeneratorOptions> options
    ) =>
        schema
            .Combine(options)
            .Select(static (input, _) => input.Left is { IsUsable: true } s ? SurfaceBuilder.Build(s, input.Right) : SurfaceSpec.Empty)
            .WithTrackingName(StepNames.Surface);

    // Each QueryAsync call site (and each call of a [PyxisQueryWrapper] method with a lambda) is read with its semantic model, then translated and checked against the schema on its own,
    // so editing one lambda rebuilds only that call.
    private static IncrementalValuesProvider<LambdaSpec> BuildLambdas(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<SchemaModel?> schema,
        IncrementalValueProvider<GeneratorOptions> options
    ) =>
        context
            .SyntaxProvider.CreateSyntaxProvider(
                static (node, token) => LambdaReader.IsCandidate(node, token) || QueryWrappers.IsCandidate(node, token),
                static (context, token) => LambdaReader.Read(context, token) ?? QueryWrappers.Read(context, token)
            )
            .Where(static call => call is not null)
            .WithTrackingName(StepNames.LambdaCalls)
            .Combine(schema)
            .Combine(options)
            .Select(static (input, _) => LambdaBuilder.Build(input.Left.Left!, input.Left.Right, input.Right))
            .WithTrackingName(StepNames.Lambdas);
}
