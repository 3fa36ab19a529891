using System.Linq;
using Microsoft.CodeAnalysis;
using Pyxis.Generators.Building;
using Pyxis.Generators.Model;

namespace Pyxis.Generators;

public sealed partial class PyxisGenerator
{
    private static IncrementalValueProvider<SharedTypesSpec> BuildSharedTypes(
        IncrementalValuesProvider<OperationFileResult> operations,
        IncrementalValueProvider<SchemaModel?> schema,
        IncrementalValueProvider<GeneratorOptions> options
    ) =>
        operations
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

    private static IncrementalValueProvider<FragmentInterfacesSpec> BuildFragmentInterfaces(
        IncrementalValuesProvider<OperationFileResult> operations,
        IncrementalValueProvider<GeneratorOptions> options
    ) =>
        operations
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
}
