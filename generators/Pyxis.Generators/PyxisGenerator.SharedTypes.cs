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
            .Select(static (file, _) => file.Schema is null ? file.UsedSchemaTypes : EquatableArray<string>.Empty)
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
            .Select(
                static (file, _) =>
                    file.Schema is null
                        ? file.Operations.SelectMany(op => op.Fragments).ToEquatableArray()
                        : EquatableArray<FragmentInterfaceSpec>.Empty
            )
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

    // Each named schema's own input, enum and fragment types, in its own namespace and under its own hint-name folder.
    private static IncrementalValueProvider<EquatableArray<NamedTypesSpec>> BuildNamedTypes(
        IncrementalValuesProvider<OperationFileResult> operations,
        IncrementalValueProvider<SchemaSet> named,
        IncrementalValueProvider<GeneratorOptions> options
    ) =>
        operations
            .Where(static file => file.Schema is not null)
            .Select(
                static (file, _) =>
                    new NamedUse(file.Schema!, file.UsedSchemaTypes, file.Operations.SelectMany(op => op.Fragments).ToEquatableArray())
            )
            .Collect()
            .Combine(named)
            .Combine(options)
            .Select(static (input, _) => NamedTypesBuilder.Build(input.Left.Right, input.Left.Left, input.Right))
            .WithTrackingName(StepNames.NamedSharedTypes);
}
