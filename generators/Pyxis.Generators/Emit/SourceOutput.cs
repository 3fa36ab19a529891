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

    public static void Operations(SourceProductionContext context, OperationFileResult file, EquatableArray<string> winners)
    {
        var emitted = new System.Collections.Generic.HashSet<string>();
        foreach (var op in file.Operations)
        {
            // A name defined twice is one PYX015; emitting both would add C# errors for the same mistake.
            if (!winners.Contains(op.Name + "|" + file.Path) || !emitted.Add(op.Name))
            {
                continue;
            }

            Guard(context, file.Path, () =>
                context.AddSource(
                    $"{op.ClassName}.{Hash(file.ProjectPath)}.g.cs",
                    SourceText.From(OperationEmitter.Emit(op), System.Text.Encoding.UTF8)
                )
            );
        }
    }

    public static void Shared(SourceProductionContext context, SharedTypesSpec shared)
    {
        foreach (var input in shared.Inputs)
        {
            Guard(context, input.SchemaType, () =>
                context.AddSource(
                    $"Inputs/{input.Name}.g.cs",
                    SourceText.From(SharedTypesEmitter.EmitInput(shared, input), System.Text.Encoding.UTF8)
                )
            );
        }

        foreach (var spec in shared.Enums)
        {
            Guard(context, spec.SchemaType, () =>
                context.AddSource(
                    $"Enums/{spec.Name}.g.cs",
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
                context.AddSource($"Lambdas/{spec.ClassName}.g.cs", SourceText.From(LambdaEmitter.Emit(spec), System.Text.Encoding.UTF8))
            );
        }
    }

    public static void Fragments(SourceProductionContext context, FragmentInterfacesSpec fragments)
    {
        foreach (var spec in fragments.Interfaces)
        {
            Guard(context, spec.Fragment, () =>
                context.AddSource(
                    $"Fragments/{spec.Name}.g.cs",
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

    // Hint names must be unique even when two folders hold files of the same name.
    private static string Hash(string path)
    {
        var hash = 2166136261u;
        foreach (var c in Path.GetFileName(path) + "|" + path)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Path.GetFileNameWithoutExtension(path) + "_" + hash.ToString("x8");
    }
}
