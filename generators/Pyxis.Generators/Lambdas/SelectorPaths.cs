using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// The response paths a selector reads: <c>r => new { r.Data!.Repository, Tags = r.Data.AutoRebuildTags }</c> reads
/// <c>data</c>, <c>data/repository</c> and <c>data/auto_rebuild_tags</c>. Paths follow member access, <c>!</c>,
/// <c>?.</c>, indexing, and lambdas over lists (<c>Select</c>, <c>Where</c>, <c>First</c>…), whose parameter stands for
/// one item. The selector runs as ordinary C# over the answer, so any computation on what it reads is fine.
/// </summary>
internal sealed class SelectorPaths(
    SemanticModel semanticModel,
    SimpleLambdaExpressionSyntax selector,
    List<DiagnosticInfo> diagnostics,
    CancellationToken cancellationToken
)
{
    private SemanticModel model = semanticModel;

    // Keyed by name: a lambda inside a generic call is bound several times during inference, so its parameter symbols
    // are not one instance; the names are what the selector's text says.
    private readonly Dictionary<string, string> parameters = new(System.StringComparer.Ordinal);
    private readonly SortedSet<string> paths = new(System.StringComparer.Ordinal);

    private readonly HashSet<IMethodSymbol> visiting = new(SymbolEqualityComparer.Default);

    // Values handed to a [PyxisFragment] method: the method's body says what they need, so they are not taken whole.
    private readonly HashSet<SyntaxNode> fragmentArguments = new();

    public IEnumerable<string> Read()
    {
        parameters[selector.Parameter.Identifier.ValueText] = string.Empty;
        Walk(selector.Body, model);
        return paths;
    }

    private void Walk(SyntaxNode body, SemanticModel semantics)
    {
        var outer = model;
        model = semantics;

        // Pre-order: a list lambda's parameter is bound (at its invocation) before its body is visited.
        foreach (var node in body.DescendantNodesAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    Invocation(invocation);
                    if (PathOf(invocation) is { Length: > 0 } items)
                    {
                        // p.Data!.First() or x.On<T>() used as a value.
                        AddWhole(invocation, items);
                    }

                    break;
                case MemberAccessExpressionSyntax
                or MemberBindingExpressionSyntax when PathOf((ExpressionSyntax)node) is { Length: > 0 } path:
                    paths.Add(path);
                    AddWhole((ExpressionSyntax)node, path);
                    break;
                case IdentifierNameSyntax name when PathOf(name) is { Length: > 0 } path:
                    AddWhole(name, path);
                    break;
                case IsPatternExpressionSyntax { Expression: var matched, Pattern: var pattern }
                    when WholeValues.Designation(pattern) is { } variable && PathOf(matched) is { } path:
                    // r.Data is { } d: d stands for the value, so what is read through d is what is asked.
                    parameters[variable] = path;
                    break;
                case MemberAccessExpressionSyntax { Expression: var target, Parent: not InvocationExpressionSyntax }
                    when PathOf(target) is { Length: > 0 } owner:
                    // r.Data.Count reads no field, but the list must be there to count: ask for __typename only.
                    paths.Add(owner + "/__typename");
                    break;
            }
        }

        model = outer;
    }

    private void AddWhole(ExpressionSyntax expression, string path)
    {
        if (
            !fragmentArguments.Contains(expression)
            && WholeValues.IsWhole(expression, model.GetTypeInfo(expression, cancellationToken).Type)
        )
        {
            paths.Add(path + "/" + WholeValues.AllScalars);
        }
    }

    private void Invocation(InvocationExpressionSyntax invocation)
    {
        if (Fragment(invocation))
        {
            return;
        }

        var receiver = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            MemberBindingExpressionSyntax => (invocation.Parent as ConditionalAccessExpressionSyntax)?.Expression,
            _ => null,
        };
        if (receiver is null || PathOf(receiver) is not { } path)
        {
            return;
        }

        if (
            WholeValues.IsSurface(model.GetTypeInfo(receiver, cancellationToken).Type)
            && invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "On" }
        )
        {
            diagnostics.Add(LambdaReader.Report(DiagnosticCatalog.LambdaMethodOnValue, invocation, invocation.ToString()));
            return;
        }

        // A lambda over a list of selected values: its parameter is one item of the list.
        foreach (var lambda in invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<SimpleLambdaExpressionSyntax>())
        {
            parameters[lambda.Parameter.Identifier.ValueText] = path;
        }
    }

    // A [PyxisFragment] method called with selected values: its body is read with its parameters bound to their paths.
    private bool Fragment(InvocationExpressionSyntax invocation)
    {
        if (
            model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || !method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Pyxis.Client.Lambdas.PyxisFragmentAttribute")
            || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration
            || !visiting.Add(method)
        )
        {
            return false;
        }

        // The method's parameter names may repeat the lambda's (r => Summary(r.Data) with Summary(… r)): bind them for its body only.
        var saved = new Dictionary<string, string>(parameters, System.StringComparer.Ordinal);
        var arguments = invocation.ArgumentList.Arguments;
        var bound = new List<(string Name, string Path)>();
        for (var i = 0; i < arguments.Count && i < declaration.ParameterList.Parameters.Count; i++)
        {
            if (PathOf(arguments[i].Expression) is { } path)
            {
                bound.Add((declaration.ParameterList.Parameters[i].Identifier.ValueText, path));
            }
        }

        foreach (var argument in arguments)
        {
            fragmentArguments.Add(WholeValues.Unwrapped(argument.Expression));
        }

        foreach (var (name, path) in bound)
        {
            parameters[name] = path;
        }

        var body = (SyntaxNode?)declaration.ExpressionBody ?? declaration.Body;
        if (body is not null)
        {
            Walk(body, declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(declaration.SyntaxTree));
        }

        visiting.Remove(method);
        parameters.Clear();
        foreach (var pair in saved)
        {
            parameters[pair.Key] = pair.Value;
        }

        return true;
    }

    // The response path of an expression, or null when it is not a selected value.
    private string? PathOf(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case IdentifierNameSyntax name:
                return
                    parameters.TryGetValue(name.Identifier.ValueText, out var bound)
                    && model.GetSymbolInfo(name, cancellationToken).Symbol is IParameterSymbol or ILocalSymbol
                    ? bound
                    : null;
            case MemberAccessExpressionSyntax access:
                return Extend(PathOf(access.Expression), access);
            case MemberBindingExpressionSyntax binding:
                return Extend(
                    binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression is { } target ? PathOf(target) : null,
                    binding
                );
            case PostfixUnaryExpressionSyntax bang:
                return PathOf(bang.Operand);
            case ParenthesizedExpressionSyntax parenthesized:
                return PathOf(parenthesized.Expression);
            case ElementAccessExpressionSyntax element:
                return PathOf(element.Expression);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                return Items(invocation, access);
            default:
                return null;
        }
    }

    // LINQ over selected lists: filters and orderings keep the items, Select and SelectMany map them to their result.
    private string? Items(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access)
    {
        var source = PathOf(access.Expression);
        switch (access.Name.Identifier.ValueText)
        {
            case "First"
            or "FirstOrDefault"
            or "Single"
            or "SingleOrDefault"
            or "Last"
            or "LastOrDefault"
            or "ElementAt"
            or "ElementAtOrDefault"
            or "Where"
            or "OrderBy"
            or "OrderByDescending"
            or "ThenBy"
            or "ThenByDescending"
            or "Skip"
            or "Take"
            or "Distinct"
            or "Reverse"
            or "ToList"
            or "ToArray"
            or "AsEnumerable"
            or "DistinctBy"
            or "MinBy"
            or "MaxBy":
                return source;
            case "On" when source is not null && access.Name is GenericNameSyntax { TypeArgumentList.Arguments: [var typeArgument] }:
                // q.Entities(…).On<ProductListingFederated>().Name: the fields after it are asked on that type only.
                return LambdaReader.FieldName(model.GetTypeInfo(typeArgument, cancellationToken).Type) is { } typeName
                    ? (source.Length == 0 ? "~" : source + "/~") + typeName
                    : null;
            case "Select"
            or "SelectMany"
                when source is not null
                    && invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression
                        is SimpleLambdaExpressionSyntax { ExpressionBody: { } body } map:
                parameters[map.Parameter.Identifier.ValueText] = source;

                return PathOf(body);
            default:
                return null;
        }
    }

    private string? Extend(string? parent, ExpressionSyntax member)
    {
        if (parent is null || LambdaReader.FieldName(model.GetSymbolInfo(member, cancellationToken).Symbol) is not { } field)
        {
            return null;
        }

        return parent.Length == 0 ? field : parent + "/" + field;
    }
}
