using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pyxis.Generators.Building;
using Pyxis.Generators.Lambdas;
using Pyxis.Generators.Model;
using Pyxis.Generators.Pipeline;

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
    // so editing one lambda rebuilds only that call. Roslyn re-runs a syntax provider's transform for every node on every
    // compilation change, so the transform only hands the node on (cheap, syntactic); the binding happens in a later step
    // whose input is the node and a scope compared by the other files' declarations, not by the compilation: an edit
    // inside one file's method body re-binds only that file's call sites, however many call sites the project has.
    private static IncrementalValuesProvider<LambdaSpec> BuildLambdas(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<SchemaModel?> schema,
        IncrementalValueProvider<GeneratorOptions> options
    )
    {
        var sites = context
            .SyntaxProvider.CreateSyntaxProvider(
                static (node, token) => LambdaReader.IsCandidate(node, token) || QueryWrappers.IsCandidate(node, token),
                static (syntax, _) => (InvocationExpressionSyntax)syntax.Node
            )
            .WithTrackingName(StepNames.LambdaSites);

        // Per file, cached while the file's syntax tree is the same object: only edited files are hashed again. A project
        // without lambda queries hashes nothing.
        var anySites = sites.Collect().Select(static (all, _) => all.Length > 0);
        var declarations = context
            .CompilationProvider.Combine(anySites)
            .SelectMany(static (input, _) => input.Right ? input.Left.SyntaxTrees : [])
            .Select(static (tree, ct) => DeclarationKey.Of(tree, ct))
            .WithTrackingName(StepNames.LambdaDeclarations)
            .Collect()
            .Select(static (keys, _) => DeclarationKey.Combine(keys));

        var scope = context.CompilationProvider.Combine(declarations).Select(static (pair, _) => BindingScope.Of(pair.Left, pair.Right));

        // Each step below holds one entry per call site and is rebuilt by Roslyn on every run, so there are few of them: the
        // read and its filter are one step, and the schema and options come as one value.
        var schemaAndOptions = schema.Combine(options);
        return sites
            .Combine(scope)
            .WithComparer(SiteComparer.Instance)
            .SelectMany(
                static (site, ct) =>
                    (LambdaReader.Read(site.Left, site.Right.Compilation, ct) ?? QueryWrappers.Read(site.Left, site.Right.Compilation, ct))
                        is { } call
                        ? ImmutableArray.Create(call)
                        : ImmutableArray<LambdaCall>.Empty
            )
            .WithTrackingName(StepNames.LambdaCalls)
            .Combine(schemaAndOptions)
            .Select(
                static (input, _) =>
                {
                    // Its operation manifest part is made here, once, and written into its own generated file.
                    var spec = LambdaBuilder.Build(input.Left, input.Right.Left, input.Right.Right);
                    return spec with { Manifest = ManifestBuilder.Lambda(spec, input.Right.Right) };
                }
            )
            .WithTrackingName(StepNames.Lambdas);
    }
}
