using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Pyxis.Benchmarks;

/// <summary>
/// The least an incremental generator of the same shape can cost: the same inputs (every <c>QueryAsync</c> call and
/// every <c>.graphql</c> file), the lambda pipeline's per-item steps, one generated file per item and one list of all
/// names. It does no reading of its own, so what its warm edit still allocates per item is Roslyn's bookkeeping.
/// </summary>
/// <remarks>Not marked <c>[Generator]</c>: it is never loaded by a compiler, only handed to a driver in-process.</remarks>
#pragma warning disable RS1036 // only run in-process by the benchmark's own driver, never as a compiler extension
internal sealed class ReferenceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The lambda pipeline's per-call-site steps, one for one: the syntax provider, a per-file key of the compilation's
        // trees (here only the path, so an edit inside a method body leaves it equal), the site with that key, the read, the
        // site with the options, the built spec. Each step does nothing but copy a string.
        var keys = context
            .CompilationProvider.SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Select(static (tree, _) => tree.FilePath)
            .Collect()
            .Select(static (paths, _) => string.Join(";", paths).GetHashCode());
        var options = context.AnalyzerConfigOptionsProvider.Select(
            static (provider, _) => provider.GlobalOptions.TryGetValue("build_property.PyxisNamespace", out var ns) ? ns : ""
        );
        var calls = context
            .SyntaxProvider.CreateSyntaxProvider(
                static (node, _) =>
                    node
                        is InvocationExpressionSyntax
                        {
                            Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "QueryAsync" }
                        },
                static (syntax, _) => syntax.Node
            )
            .Combine(keys)
            .SelectMany(
                static (site, _) => ImmutableArray.Create(new Item($"Call_{Name(site.Left.SyntaxTree.FilePath)}", site.Left.ToString()))
            )
            .Combine(options)
            .Select(static (input, _) => input.Left with { Text = input.Right + input.Left.Text });
        var operations = context
            .AdditionalTextsProvider.Where(static file => file.Path.EndsWith(".graphql", StringComparison.Ordinal))
            .Select(static (file, token) => new Item($"Op_{Name(file.Path)}", file.GetText(token)?.ToString() ?? string.Empty));

        context.RegisterSourceOutput(calls, Emit);
        context.RegisterSourceOutput(operations, Emit);
        var names = calls
            .Select(static (item, _) => item.Name)
            .Collect()
            .Combine(operations.Select(static (item, _) => item.Name).Collect());
        context.RegisterSourceOutput(names, static (output, all) => output.AddSource("Index.g.cs", Index(all.Left.AddRange(all.Right))));
    }

    private static void Emit(SourceProductionContext output, Item item) =>
        output.AddSource(
            $"{item.Name}.g.cs",
            SourceText.From(
                $"internal static class {item.Name} {{ internal const string Text = @\"{item.Text.Replace("\"", "\"\"")}\"; }}",
                Encoding.UTF8
            )
        );

    private static SourceText Index(ImmutableArray<string> names) =>
        SourceText.From(
            $"internal static class ReferenceIndex {{ internal static readonly string[] Names = [\"{string.Join("\", \"", names)}\"]; }}",
            Encoding.UTF8
        );

    private static string Name(string path) => Path.GetFileNameWithoutExtension(path);

    private sealed record Item(string Name, string Text);
}
#pragma warning restore RS1036
