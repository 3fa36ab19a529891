using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>The last stage: adds generated files and reports diagnostics. A failure here becomes PYX018.</summary>
internal static class SourceOutput
{
    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>One operation file's emitted operations, each with its operation manifest part in the same file.</summary>
    public static void Operations(SourceProductionContext context, EquatableArray<EmittedOperation> operations)
    {
        foreach (var op in operations)
        {
            Guard(context, op.Manifest.Entry.File, () =>
                context.AddSource(
                    op.Manifest.HintName,
                    SourceText.From(OperationEmitter.Emit(op.Spec, op.Manifest), System.Text.Encoding.UTF8)
                )
            );
        }
    }

    public static void Shared(SourceProductionContext context, SharedTypesSpec shared) => Shared(context, shared, string.Empty);

    public static void Fragments(SourceProductionContext context, FragmentInterfacesSpec fragments) =>
        Fragments(context, fragments, string.Empty);

    /// <summary>A named schema's client and shared types, under a hint-name folder of its own (<c>Internal/Inputs/…</c>).</summary>
    public static void Named(SourceProductionContext context, EquatableArray<NamedTypesSpec> schemas)
    {
        foreach (var schema in schemas)
        {
            var folder = schema.Name + "/";
            Guard(context, schema.Name, () =>
                context.AddSource(
                    folder + GeneratorOptions.ClientClass(schema.Name) + ".g.cs",
                    SourceText.From(NamedClientEmitter.Emit(schema), System.Text.Encoding.UTF8)
                )
            );
            Shared(context, schema.Shared, folder);
            Fragments(context, schema.Fragments, folder);
        }
    }

    private static void Shared(SourceProductionContext context, SharedTypesSpec shared, string folder)
    {
        foreach (var input in shared.Inputs)
        {
            Guard(context, input.SchemaType, () =>
                context.AddSource(
                    $"{folder}Inputs/{input.Name}.g.cs",
                    SourceText.From(SharedTypesEmitter.EmitInput(shared, input), System.Text.Encoding.UTF8)
                )
            );
        }

        foreach (var spec in shared.Enums)
        {
            Guard(context, spec.SchemaType, () =>
                context.AddSource(
                    $"{folder}Enums/{spec.Name}.g.cs",
                    SourceText.From(SharedTypesEmitter.EmitEnum(shared, spec), System.Text.Encoding.UTF8)
                )
            );
        }
    }

    public static void Surface(SourceProductionContext context, SurfaceSpec surface)
    {
        if (surface.Roots.Count == 0)
        {
            return;
        }

        Guard(context, "PyxisQuery", () =>
            context.AddSource(
                "Schema/PyxisQuery.g.cs",
                SourceText.From(SurfaceEmitter.EmitRoot(surface, mutation: false), System.Text.Encoding.UTF8)
            )
        );
        if (surface.MutationRoots.Count > 0)
        {
            Guard(context, "PyxisMutation", () =>
                context.AddSource(
                    "Schema/PyxisMutation.g.cs",
                    SourceText.From(SurfaceEmitter.EmitRoot(surface, mutation: true), System.Text.Encoding.UTF8)
                )
            );
        }
        foreach (var type in surface.Types)
        {
            Guard(context, type.SchemaType, () =>
                context.AddSource(
                    $"Schema/{type.Name}.g.cs",
                    SourceText.From(SurfaceEmitter.EmitType(surface, type), System.Text.Encoding.UTF8)
                )
            );
        }

        foreach (var type in surface.Abstracts)
        {
            Guard(context, type.SchemaType, () =>
                context.AddSource(
                    $"Schema/{type.Name}.g.cs",
                    SourceText.From(SurfaceEmitter.EmitAbstract(surface, type), System.Text.Encoding.UTF8)
                )
            );
        }
    }

    public static void Lambda(SourceProductionContext context, LambdaSpec spec)
    {
        // Its diagnostics are reported with all the others (PyxisGenerator.Diagnostics.cs).
        if (spec.Diagnostics.Count == 0 && (spec.Roots.Count > 0 || spec.Call.Forwards))
        {
            Guard(context, spec.Call.FilePath, () =>
                context.AddSource(HintNames.Lambda(spec), SourceText.From(LambdaEmitter.Emit(spec), System.Text.Encoding.UTF8))
            );
        }
    }

    private static void Fragments(SourceProductionContext context, FragmentInterfacesSpec fragments, string folder)
    {
        foreach (var spec in fragments.Interfaces)
        {
            Guard(context, spec.Fragment, () =>
                context.AddSource(
                    $"{folder}Fragments/{spec.Name}.g.cs",
                    SourceText.From(
                        FragmentInterfaceEmitter.Emit(fragments.Namespace, fragments.TypesNamespace, spec),
                        System.Text.Encoding.UTF8
                    )
                )
            );
        }
    }

    private static void Guard(SourceProductionContext context, string what, Action emit)
    {
        try
        {
            emit();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(
                Diagnostic.Create(DiagnosticCatalog.InternalError, Location.None, what, ex.GetType().Name + ": " + ex.Message)
            );
        }
    }
}
