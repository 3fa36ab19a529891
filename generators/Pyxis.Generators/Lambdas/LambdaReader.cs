using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
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

    public static LambdaCall? Read(InvocationExpressionSyntax invocation, Compilation compilation, CancellationToken cancellationToken)
    {
        var model = compilation.GetSemanticModel(invocation.SyntaxTree);
        if (
            model.GetSymbolInfo(invocation, cancellationToken).Symbol
                is not IMethodSymbol { Name: "QueryAsync" or "MutateAsync" or "QueryEachAsync" or "QueryAllAsync" } method
            || method.ReducedFrom?.ContainingType.ToDisplayString() != "Pyxis.Client.Lambdas.PyxisLambdaQueries"
            || model.GetInterceptableLocation(invocation, cancellationToken) is not { } intercept
        )
        {
            return null;
        }

        var withoutVariables = method.Parameters.FirstOrDefault()?.Name is "query" or "mutation";
        var argument = QueryArgument(invocation, withoutVariables ? 0 : 1);
        if (argument is null)
        {
            return null;
        }

        var kind = method.Name switch
        {
            "MutateAsync" => LambdaKind.Mutation,
            "QueryEachAsync" => LambdaKind.Each,
            "QueryAllAsync" => LambdaKind.All,
            _ => LambdaKind.Query,
        };
        if (kind == LambdaKind.Query && QueryWrappers.IsForwarded(model, argument, cancellationToken))
        {
            // A [PyxisQueryWrapper]'s own QueryAsync(query): the query comes translated from the wrapper's callers.
            return new LambdaCall(
                invocation.SyntaxTree.FilePath,
                intercept.Version,
                intercept.Data,
                LocationOf(invocation),
                EquatableArray<LambdaRoot>.Empty,
                EquatableArray<DiagnosticInfo>.Empty
            )
            {
                Key = SiteKey(invocation),
                Name = CallSiteName.Of(model, invocation, cancellationToken),
                WithoutVariables = withoutVariables,
                Forwards = true,
            };
        }

        if (kind != LambdaKind.Query && QueryWrappers.PassedOn(model, invocation, argument, method.Name, cancellationToken) is { } passedOn)
        {
            return new LambdaCall(
                invocation.SyntaxTree.FilePath,
                intercept.Version,
                intercept.Data,
                LocationOf(invocation),
                EquatableArray<LambdaRoot>.Empty,
                new[] { passedOn }.ToEquatableArray()
            )
            {
                Key = Hash(intercept.Data),
                Kind = kind,
            };
        }

        return ReadCall(model, invocation, intercept, argument, withoutVariables, cancellationToken) with
        {
            Kind = kind,
        };
    }

    /// <summary>Reads the query lambda <paramref name="argument"/> of the call <paramref name="invocation"/>, intercepted at <paramref name="intercept"/>.</summary>
    internal static LambdaCall ReadCall(
        SemanticModel model,
        InvocationExpressionSyntax invocation,
        InterceptableLocation intercept,
        ExpressionSyntax argument,
        bool withoutVariables,
        CancellationToken cancellationToken
    )
    {
        var diagnostics = new List<DiagnosticInfo>();
        var roots = new List<LambdaRoot>();
        if (QueryLambda(argument, withoutVariables) is not { } lambda)
        {
            diagnostics.Add(Report(DiagnosticCatalog.LambdaNotALambda, argument, argument.ToString()));
        }
        else
        {
            // A lambda is bound more than once during inference, so its parameter is recognised by name and type.
            var query = QueryParameter(lambda);
            ReadRoots(model, lambda, query, roots, diagnostics, new HashSet<SyntaxNode>(), cancellationToken);

            // q passed to a method is already PYX109: that the lambda then calls no root field is the same mistake.
            if (roots.Count == 0 && !diagnostics.Any(d => d.Id == DiagnosticCatalog.LambdaRootEscapes.Id))
            {
                diagnostics.Add(Report(DiagnosticCatalog.LambdaNoRootField, lambda, QueryParameter(lambda)));
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
            Key = SiteKey(invocation),
            Name = CallSiteName.Of(model, invocation, cancellationToken),
            WithoutVariables = withoutVariables,
        };
    }

    // The root calls in a query lambda's (or a Query-root fragment's) body, in the order they run: a fragment's in place.
    private static void ReadRoots(
        SemanticModel model,
        SyntaxNode owner,
        string query,
        List<LambdaRoot> roots,
        List<DiagnosticInfo> diagnostics,
        HashSet<SyntaxNode> reading,
        CancellationToken cancellationToken
    )
    {
        var calls = new List<InvocationExpressionSyntax>();
        foreach (var call in Bodies.Calls(owner))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (
                call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
                && receiver.Identifier.ValueText == query
                && QueryFragments.IsRoot(model.GetTypeInfo(receiver, cancellationToken).Type)
                && FieldName(model.GetSymbolInfo(call, cancellationToken).Symbol) is not null
            )
            {
                calls.Add(call);
                roots.Add(ReadRoot(model, call, owner, diagnostics, cancellationToken));
            }
            else if (QueryFragments.Of(model, call, query, cancellationToken) is { } fragment)
            {
                calls.Add(call);
                if (!QueryLambdaFlow.RunsOnce(call, owner))
                {
                    diagnostics.Add(
                        Report(DiagnosticCatalog.LambdaConditionalRoot, call, CallName(model.GetSymbolInfo(call, cancellationToken).Symbol))
                    );
                }

                // A fragment calling itself would never end; its calls are read once per place it is called.
                if (reading.Add(fragment.Declaration))
                {
                    var semantics =
                        fragment.Declaration.SyntaxTree == model.SyntaxTree
                            ? model
                            : model.Compilation.GetSemanticModel(fragment.Declaration.SyntaxTree);
                    ReadRoots(semantics, fragment.Declaration, fragment.Parameter, roots, diagnostics, reading, cancellationToken);
                    reading.Remove(fragment.Declaration);
                }
            }
        }

        new QueryLambdaFlow(model, owner, query, calls, diagnostics, cancellationToken).Check();
    }

    private static LambdaRoot ReadRoot(
        SemanticModel model,
        InvocationExpressionSyntax call,
        SyntaxNode lambda,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken
    )
    {
        var field = FieldName(model.GetSymbolInfo(call, cancellationToken).Symbol) ?? "?";
        if (!QueryLambdaFlow.RunsOnce(call, lambda))
        {
            diagnostics.Add(Report(DiagnosticCatalog.LambdaConditionalRoot, call, field));
        }

        var arguments = (model.GetOperation(call, cancellationToken) as IInvocationOperation)?.Arguments ?? [];
        var given = arguments
            .Where(a => a.ArgumentKind != ArgumentKind.DefaultValue && a.Parameter is { Name: not "select" })
            .Select(a => a.Parameter!.Name)
            .ToEquatableArray();
        if (arguments.Any(a => a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter?.Name == "select"))
        {
            diagnostics.Add(Report(DiagnosticCatalog.LambdaNoSelector, call, field));
            return new LambdaRoot(field, EquatableArray<Selection>.Empty) { Given = given };
        }

        var selector = SelectorArgument(call);
        if (LambdaShapes.OneParameter(selector) is null || LambdaShapes.Lambda(selector) is not { } select)
        {
            diagnostics.Add(Report(DiagnosticCatalog.LambdaNotALambda, (SyntaxNode?)selector ?? call, selector?.ToString() ?? field));
            return new LambdaRoot(field, EquatableArray<Selection>.Empty) { Given = given };
        }

        var reader = new SelectorPaths(model, select, diagnostics, cancellationToken);
        var paths = reader.Read();
        return new LambdaRoot(field, SelectionTree.From(paths, reader.FieldArguments)) { Given = given, Hoisted = reader.HoistedPath };
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

    /// <summary>A root call's schema field, else the method's name (a fragment).</summary>
    internal static string CallName(ISymbol? symbol) => FieldName(symbol) ?? symbol?.Name ?? "?";

    internal static DiagnosticInfo Report(DiagnosticDescriptor descriptor, SyntaxNode node, params string[] arguments) =>
        new(descriptor.Id, LocationOf(node), arguments.ToEquatableArray());

    // Plain data, so the model keeps no compiler objects (a Location holds the whole tree).
    internal static LocationInfo LocationOf(SyntaxNode node)
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

    /// <summary>
    /// The call site's file and position, hashed: unique in the compilation, and unchanged by an edit elsewhere in the file
    /// (the interceptor's data also holds the file's checksum), so the generated file's name and the operation manifest's
    /// index of parts stay the same when a selector is edited in place.
    /// </summary>
    internal static string SiteKey(SyntaxNode invocation)
    {
        var location = LocationOf(invocation);
        return Hash(
            invocation.SyntaxTree.FilePath
                + "|"
                + location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + "|"
                + location.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
    }

    internal static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8");
    }
}
