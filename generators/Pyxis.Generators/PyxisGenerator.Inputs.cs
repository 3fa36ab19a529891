using Microsoft.CodeAnalysis;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;

namespace Pyxis.Generators;

public sealed partial class PyxisGenerator
{
    private static IncrementalValueProvider<GeneratorOptions> ReadOptions(IncrementalGeneratorInitializationContext context) =>
        context.AnalyzerConfigOptionsProvider.Select(InputFiles.ReadOptions).WithTrackingName(StepNames.Options);

    private static IncrementalValuesProvider<GraphQLFile> ReadFiles(IncrementalGeneratorInitializationContext context) =>
        context
            .AdditionalTextsProvider.Where(InputFiles.IsGraphQL)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => InputFiles.Read(pair.Left, pair.Right, ct))
            .WithTrackingName(StepNames.Files);

    private static IncrementalValueProvider<SchemaModel?> ReadSchema(
        IncrementalValuesProvider<GraphQLFile> files,
        IncrementalValueProvider<GeneratorOptions> options
    ) =>
        files
            .Where(static f => f.IsSchema && f.Schema is null)
            .Collect()
            .Select(SchemaSelector.Select)
            .Combine(options)
            .Select(static (pair, _) => pair.Left?.WithScalars(pair.Right.Scalars))
            .WithTrackingName(StepNames.Schema);

    // Named schemas (<PyxisSchema Include="…" Name="Internal" />), parsed apart from the default one: adding a second
    // schema leaves the default schema's pipeline as it was.
    private static IncrementalValueProvider<SchemaSet> ReadNamedSchemas(
        IncrementalValuesProvider<GraphQLFile> files,
        IncrementalValueProvider<GeneratorOptions> options
    ) =>
        files
            .Where(static f => f.IsSchema && f.Schema is not null)
            .Collect()
            .Combine(options)
            .Select(static (input, ct) => NamedSchemas.Read(input.Left, input.Right, ct))
            .WithTrackingName(StepNames.NamedSchemas);
}
