using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// <c>[PyxisFragment]</c> methods, however they are called: <c>Summary(r.Data)</c>, <c>Fragments.Summary(r.Data)</c>,
/// <c>r.Data.Summary()</c> (an extension method) or <c>p.Data.Select(Summary)</c> (a method group). Each is read
/// like the selector, with its parameters bound to the paths of the values passed.
/// </summary>
internal sealed partial class SelectorPaths
{
    private const string FragmentAttribute = "Pyxis.Client.Lambdas.PyxisFragmentAttribute";

    private bool Fragment(InvocationExpressionSyntax invocation)
    {
        if (
            model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol called
            || !IsFollowedMethod(called.ReducedFrom ?? called)
        )
        {
            return false;
        }

        var arguments = new List<ExpressionSyntax>();
        if (called.ReducedFrom is not null && Receiver(invocation) is { } receiver)
        {
            // r.Data.Summary(): the receiver is the method's first parameter.
            arguments.Add(receiver);
        }

        arguments.AddRange(invocation.ArgumentList.Arguments.Select(a => a.Expression));
        foreach (var argument in arguments)
        {
            fragmentArguments.Add(WholeValues.Unwrapped(argument));
        }

        return ReadFragment(called.ReducedFrom ?? called, arguments.Select(PathOf).ToList());
    }

    // A method group naming a [PyxisFragment] method (p.Data.Select(Summary)).
    private IMethodSymbol? FragmentMethod(ExpressionSyntax argument)
    {
        if (argument is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            return null;
        }

        var info = model.GetSymbolInfo(argument, cancellationToken);
        return
            (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol method
            && IsFollowedMethod(method.ReducedFrom ?? method)
            ? method.ReducedFrom ?? method
            : null;
    }

    private bool ReadFragment(IMethodSymbol method, IReadOnlyList<string?> paths)
    {
        var (parameterList, body) = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) switch
        {
            MethodDeclarationSyntax m => (m.ParameterList, (SyntaxNode?)m.ExpressionBody ?? m.Body),
            LocalFunctionStatementSyntax l => (l.ParameterList, (SyntaxNode?)l.ExpressionBody ?? l.Body),
            _ => (null, null),
        };
        if (parameterList is null || !visiting.Add(method))
        {
            return false;
        }

        // Each call binds the method's parameters to what it passes (a value not selected, Summary(null), to nothing).
        var saved = new Dictionary<string, string>(bindings, System.StringComparer.Ordinal);
        for (var i = 0; i < parameterList.Parameters.Count; i++)
        {
            Bind(parameterList.Parameters[i], i < paths.Count ? paths[i] : null);
        }

        if (body is not null)
        {
            Walk(body, body.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(body.SyntaxTree));
        }

        visiting.Remove(method);
        bindings.Clear();
        foreach (var pair in saved)
        {
            bindings[pair.Key] = pair.Value;
        }

        return true;
    }

    // A [PyxisFragment] method, or a local function of the selector: both are read with their parameters bound.
    private static bool IsFollowedMethod(IMethodSymbol method) => method.MethodKind == MethodKind.LocalFunction || IsFragment(method);

    private static bool IsFragment(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == FragmentAttribute);

    private static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
        invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            MemberBindingExpressionSyntax binding => LambdaShapes.ConditionalTarget(binding),
            _ => null,
        };
}
