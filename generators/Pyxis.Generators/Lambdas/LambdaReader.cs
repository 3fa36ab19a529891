using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Reads a <c>client.QueryAsync(vars, (q, v) => …)</c> call: which root fields the lambda calls (in the order they
/// run) and which fields each selector reads, as response paths. What it cannot translate is a PYX1xx at that token.
/// It reads with the call site's semantic model, not the syntax alone: which method a call binds to, the types a
/// selector reads, and the bodies of the fragment methods it calls (in any file).
/// </summary>
internal static class LambdaReader
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node
            is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: "QueryAsync" or "MutateAsync" or "QueryEachAsync" or "QueryAllAsync"
                },
                ArgumentList.Arguments.Count: >= 1
            };

    public static LambdaCall? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var model = context.SemanticModel;
        if (
            model.GetSymbolInfo(invocation, cancellationToken).Symbol
                is not IMethodSymbol { Name: "QueryAsync" or "MutateAsync" or "QueryEachAsync" or "QueryAllAsync" } method
            || method.ReducedFrom?.ContainingType.ToDisplayString() != "Pyxis.Client.Lambdas.PyxisLambdaQueries"
            || model.GetInterceptableLocation(invocation, cancellationToken) is not { } intercept
        )
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var roots = new List<LambdaRoot>();
        var withoutVariables = method.Parameters.FirstOrDefault()?.Name is "query" or "mutation";
        var argument = QueryArgument(invocation, withoutVariables ? 0 : 1);
        if (argument is null)
        {
            return null;
        }

        if (QueryLambda(argument, withoutVariables) is not { } lambda)
        {
            diagnostics.Add(Report(DiagnosticCatalog.LambdaNotALambda, argument, argument.ToString()));
        }
        else
        {
            // A lambda is bound more than once during inference, so its parameter is recognised by name and type.
            var query = QueryParameter(lambda);
            var calls = new List<InvocationExpressionSyntax>();
            foreach (var call in lambda.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (
                    call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
                    && receiver.Identifier.ValueText == query
                    && model.GetTypeInfo(receiver, cancellationToken).Type is { Name: "PyxisQuery" or "PyxisMutation" }
                )
                {
                    calls.Add(call);
                    roots.Add(ReadRoot(model, call, lambda, diagnostics, cancellationToken));
                }
            }

            new QueryLambdaFlow(model, lambda, calls, diagnostics, cancellationToken).Check();

            // q passed to a method is already PYX109: that the lambda then calls no root field is the same mistake.
            if (roots.Count == 0 && !diagnostics.Any(d => d.Id == DiagnosticCatalog.LambdaRootEscapes.Id))
            {
                diagnostics.Add(Report(DiagnosticCatalog.LambdaNoRootField, lambda, query));
            }
        }

        return new LambdaCall(
            invocation.SyntaxTree.FilePath,
            intercept.Version,
            intercept.Data,
            LocationOf(invocation),
            roots.ToEquatableArray(),
            diagnostics.ToEquatableArray()
        )
        {
            Key = Hash(intercept.Data),
            Name = CallSiteName.Of(model, invocation, cancellationToken),
            WithoutVariables = withoutVariables,
            Kind = method.Name switch
            {
                "MutateAsync" => LambdaKind.Mutation,
                "QueryEachAsync" => LambdaKind.Each,
                "QueryAllAsync" => LambdaKind.All,
                _ => LambdaKind.Query,
            },
        };
    }

    private static LambdaRoot ReadRoot(
        SemanticModel model,
        InvocationExpressionSyntax call,
        LambdaExpressionSyntax lambda,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken
    )
    {
        var field = FieldName(model.GetSymbolInfo(call, cancellationToken).Symbol) ?? "?";
        if (!QueryLambdaFlow.RunsOnce(call, lambda))
        {
            diagnostics.Add(Report(DiagnosticCatalog.LambdaConditionalRoot, call, field));
        }

        var selector = SelectorArgument(call);
        if (LambdaShapes.OneParameter(selector) is null || LambdaShapes.Lambda(selector) is not { } select)
        {
            diagnostics.Add(Report(DiagnosticCatalog.LambdaNotALambda, (SyntaxNode?)selector ?? call, selector?.ToString() ?? field));
            return new LambdaRoot(field, EquatableArray<Selection>.Empty);
        }

        var paths = new SelectorPaths(model, select, diagnostics, cancellationToken).Read();
        return new LambdaRoot(field, SelectionTree.From(paths));
    }

    // QueryAsync(vars, (q, v) => …), QueryAsync(q => …), or with named arguments in any order (query: …, vars: …).
    private static ExpressionSyntax? QueryArgument(InvocationExpressionSyntax invocation, int position) =>
        (
            invocation.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText is "query" or "mutation")
            ?? invocation.ArgumentList.Arguments.ElementAtOrDefault(position)
        )?.Expression;

    // (q, v) => … (with a page: (q, v, page) => …), or q => … when the call has no variables object.
    private static LambdaExpressionSyntax? QueryLambda(ExpressionSyntax argument, bool withoutVariables) =>
        WholeValues.Unwrapped(argument) switch
        {
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 2 or 3 } lambda when !withoutVariables => lambda,
            var one when withoutVariables && LambdaShapes.OneParameter(one) is not null => (LambdaExpressionSyntax)one,
            _ => null,
        };

    internal static string QueryParameter(LambdaExpressionSyntax lambda) =>
        lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => string.Empty,
        };

    // The selector is a root method's last parameter, `select`: named, or the last argument given by position.
    internal static ExpressionSyntax? SelectorArgument(InvocationExpressionSyntax call) =>
        (
            call.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "select")
            ?? call.ArgumentList.Arguments.LastOrDefault(a => a.NameColon is null)
        )?.Expression;

    internal static string? FieldName(ISymbol? symbol) =>
        symbol
            ?.OriginalDefinition.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Pyxis.Client.Lambdas.PyxisFieldAttribute")
            ?.ConstructorArguments.FirstOrDefault()
            .Value as string;

    internal static DiagnosticInfo Report(DiagnosticDescriptor descriptor, SyntaxNode node, params string[] arguments) =>
        new(descriptor.Id, LocationOf(node), arguments.ToEquatableArray());

    // Plain data, so the model keeps no compiler objects (a Location holds the whole tree).
    private static LocationInfo LocationOf(SyntaxNode node)
    {
        var location = node.GetLocation();
        var span = location.GetLineSpan();
        return new LocationInfo(
            span.Path,
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            span.StartLinePosition.Line,
            span.StartLinePosition.Character,
            span.EndLinePosition.Line,
            span.EndLinePosition.Character
        );
    }

    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8");
    }
}
