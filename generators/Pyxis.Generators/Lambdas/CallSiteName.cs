using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// The operation name of a lambda query, from where it is written: <c>ReleaseGate_CheckAsync</c> for a call in
/// <c>ReleaseGate.CheckAsync</c>, <c>ReleaseGate_CheckAsync_2</c> for the second one in that method. Logs, metrics and
/// traces show it, so it depends only on the containing type and member and the call's order inside that member:
/// editing other code (or other lambdas' bodies) never renames it.
/// </summary>
internal static class CallSiteName
{
    public static string Of(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var member = Member(model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken));
        var type = member?.ContainingType?.Name ?? "Program";
        var name = Sanitize(type) + "_" + Sanitize(MemberName(member));
        var body = member
            ?.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken))
            .FirstOrDefault(s => s.Span.Contains(invocation.Span));
        if (body is null)
        {
            return name;
        }

        // Numbered in source order among the member's lambda queries (wrapper calls too): the first keeps the plain name, so adding a
        // second call below it renames nothing that dashboards already know.
        var position = body.DescendantNodes()
            .OfType<InvocationExpressionSyntax>()
            .Where(i =>
                i.SpanStart < invocation.SpanStart
                && (
                    LambdaReader.IsCandidate(i, cancellationToken) && IsLambdaQuery(model, i)
                    || QueryWrappers.IsCandidate(i, cancellationToken) && QueryWrappers.IsWrapperCall(model, i, cancellationToken)
                )
            )
            .Count();
        return position == 0 ? name : name + "_" + (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // Lambdas and local functions belong to the member they are written in.
    private static ISymbol? Member(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    private static string MemberName(ISymbol? member) =>
        member switch
        {
            null => "Main",
            IMethodSymbol
            {
                MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove
            } accessor => accessor.AssociatedSymbol?.Name ?? accessor.Name,
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => "Constructor",
            IMethodSymbol { Name: "<Main>$" } => "Main",
            _ => member.Name,
        };

    // A GraphQL name: letters, digits and '_' only (explicit interface implementations and generated names have dots and brackets).
    private static string Sanitize(string text)
    {
        var name = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                name.Append(c);
            }
        }

        return name.Length == 0 || char.IsDigit(name[0]) ? "_" + name : name.ToString();
    }

    private static bool IsLambdaQuery(SemanticModel model, InvocationExpressionSyntax invocation) =>
        model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method
        && method.ReducedFrom?.ContainingType.ToDisplayString() == "Pyxis.Client.Lambdas.PyxisLambdaQueries";
}
