using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Query-root <c>[PyxisFragment]</c> methods: <c>static string? Arch(PyxisQuery q, string id) => q.GetImage(id, r => …)</c>,
/// called as <c>Arch(q, v.Id)</c> or <c>q.Arch(v.Id)</c>. The root fields such a method calls on its query parameter
/// run, in order, where it is called, so its body is read like the query lambda's, in place.
/// </summary>
internal static class QueryFragments
{
    /// <summary>The fragment method <paramref name="call"/> passes the query root <paramref name="query"/> to, and its parameter's name.</summary>
    public static (MethodDeclarationSyntax Declaration, string Parameter)? Of(
        SemanticModel model,
        InvocationExpressionSyntax call,
        string query,
        CancellationToken cancellationToken
    )
    {
        if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol called)
        {
            return null;
        }

        var method = called.ReducedFrom ?? called;
        var passed =
            (
                called.ReducedFrom is not null
                && call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
                && receiver.Identifier.ValueText == query
            ) || call.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax name && name.Identifier.ValueText == query);
        if (
            !passed
            || !method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Pyxis.Client.Lambdas.PyxisFragmentAttribute")
            || method.Parameters.FirstOrDefault(p => IsRoot(p.Type)) is not { } parameter
            || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration
        )
        {
            return null;
        }

        return (declaration, parameter.Name);
    }

    /// <summary>Whether <paramref name="type"/> is the generated Query or Mutation root.</summary>
    public static bool IsRoot(ITypeSymbol? type) => type is { Name: "PyxisQuery" or "PyxisMutation" };
}

/// <summary>The body of a query lambda or a Query-root fragment method, where root calls are looked for.</summary>
internal static class Bodies
{
    public static SyntaxNode Of(SyntaxNode owner) =>
        owner switch
        {
            LambdaExpressionSyntax lambda => lambda.Body,
            MethodDeclarationSyntax method => (SyntaxNode?)method.ExpressionBody ?? (SyntaxNode?)method.Body ?? method,
            _ => owner,
        };

    /// <summary>The invocations in <paramref name="owner"/>'s body, in the order they start.</summary>
    public static IEnumerable<InvocationExpressionSyntax> Calls(SyntaxNode owner) =>
        Of(owner).DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>();
}
