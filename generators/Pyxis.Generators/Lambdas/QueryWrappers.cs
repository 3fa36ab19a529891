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
/// <c>[PyxisQueryWrapper]</c> methods: a static method of the user's taking the query as <c>Func&lt;PyxisQuery, T&gt;</c>
/// and passing it on to <c>QueryAsync</c>. Each call with a lambda in place is read like a <c>QueryAsync</c> call and
/// intercepted to hand the wrapper the translated query (<c>PyxisTranslatedQuery&lt;T&gt;.Carry</c>); the wrapper's own
/// <c>QueryAsync(query)</c> is intercepted to send what it is handed.
/// </summary>
internal static class QueryWrappers
{
    private const string Attribute = "Pyxis.Client.Lambdas.PyxisQueryWrapperAttribute";
    private const string QueryRoot = "Pyxis.Client.Schema.PyxisQuery";

    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(
        SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
    );

    /// <summary>Any call given a lambda may be a wrapper's; which method it calls is looked up only for these.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
        && arguments.Any(a => a.Expression is LambdaExpressionSyntax)
        && node.Parent is not null;

    public static LambdaCall? Read(InvocationExpressionSyntax invocation, Compilation compilation, CancellationToken cancellationToken)
    {
        var model = compilation.GetSemanticModel(invocation.SyntaxTree);
        if (
            model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol called
            || !IsWrapper(called.ReducedFrom ?? called)
            || model.GetInterceptableLocation(invocation, cancellationToken) is not { } intercept
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
        )
        {
            return null;
        }

        var method = (called.ReducedFrom ?? called).OriginalDefinition;
        if (method.Parameters.Any(p => IsPagedQuery(p.Type)))
        {
            // The wrapper's own QueryAllAsync(vars, query) is PYX117 (PassedOn): one mistake, one error.
            return null;
        }

        var queryParameter = method.Parameters.FirstOrDefault(p => IsQuery(p.Type));
        var argument =
            operation
                .Arguments.FirstOrDefault(a =>
                    a.Parameter?.Ordinal == queryParameter?.Ordinal && a.ArgumentKind != ArgumentKind.DefaultValue
                )
                ?.Syntax as ArgumentSyntax;
        var why = Refusal(method, queryParameter);
        if (why is not null || argument is null)
        {
            var refused = new DiagnosticInfo(
                DiagnosticCatalog.LambdaWrapper.Id,
                LambdaReader.LocationOf(invocation),
                new[] { method.Name, why ?? "its query parameter is not given" }.ToEquatableArray()
            );
            return new LambdaCall(
                invocation.SyntaxTree.FilePath,
                intercept.Version,
                intercept.Data,
                LambdaReader.LocationOf(invocation),
                EquatableArray<LambdaRoot>.Empty,
                new[] { refused }.ToEquatableArray()
            )
            {
                Key = LambdaReader.SiteKey(invocation),
            };
        }

        var withoutVariables = ((INamedTypeSymbol)queryParameter!.Type).TypeArguments.Length == 2;
        var call = LambdaReader.ReadCall(model, invocation, intercept, argument.Expression, withoutVariables, cancellationToken);
        return call with { Wrapper = Spec(method, queryParameter) };
    }

    /// <summary>Whether <paramref name="invocation"/> calls a <c>[PyxisQueryWrapper]</c> method.</summary>
    public static bool IsWrapperCall(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol called && IsWrapper(called.ReducedFrom ?? called);

    /// <summary>Whether <paramref name="argument"/> is the query parameter of the <c>[PyxisQueryWrapper]</c> method around it.</summary>
    public static bool IsForwarded(SemanticModel model, ExpressionSyntax argument, CancellationToken cancellationToken) =>
        QueryParameterOf(model, argument, cancellationToken) is { } parameter && IsQuery(parameter.Type);

    /// <summary>
    /// For a wrapper's query parameter passed to <paramref name="method"/> other than <c>QueryAsync</c> (<c>QueryAllAsync</c>,
    /// <c>QueryEachAsync</c>): the PYX117 saying why it cannot be carried there, else null.
    /// </summary>
    public static DiagnosticInfo? PassedOn(
        SemanticModel model,
        InvocationExpressionSyntax call,
        ExpressionSyntax argument,
        string method,
        CancellationToken cancellationToken
    )
    {
        if (QueryParameterOf(model, argument, cancellationToken) is not { ContainingSymbol: IMethodSymbol wrapper })
        {
            return null;
        }

        return LambdaReader.Report(
            DiagnosticCatalog.LambdaWrapper,
            call,
            wrapper.Name,
            $"it passes its query on to {method}, which chooses a page or an input per request, so a query translated where the wrapper is called cannot be sent there; wrap QueryAsync (a Func<PyxisQuery, T> or Func<PyxisQuery, TVars, T> passed to client.QueryAsync), or call client.{method} with the lambda in place"
        );
    }

    // A parameter of a [PyxisQueryWrapper] method typed Func<PyxisQuery, …>, which argument names.
    private static IParameterSymbol? QueryParameterOf(
        SemanticModel model,
        ExpressionSyntax argument,
        CancellationToken cancellationToken
    ) =>
        argument is IdentifierNameSyntax
        && model.GetSymbolInfo(argument, cancellationToken).Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter
        && IsWrapper(method)
        && parameter.Type is INamedTypeSymbol { Name: "Func", TypeArguments: [var root, ..] }
        && root.ToDisplayString() == QueryRoot
            ? parameter
            : null;

    private static bool IsWrapper(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Attribute);

    // Func<PyxisQuery, T> (q => …) or Func<PyxisQuery, TVars, T> ((q, v) => …), as QueryAsync takes them.
    private static bool IsQuery(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Func", TypeArguments: { Length: 2 or 3 } arguments }
        && arguments[0].ToDisplayString() == QueryRoot;

    // QueryAllAsync's per-page lambda: the page is chosen per request, which a carried query cannot do.
    private static bool IsPagedQuery(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Func", TypeArguments: [var root, _, var page, _] }
        && root.ToDisplayString() == QueryRoot
        && page.ToDisplayString() == "Pyxis.Client.Lambdas.PyxisPage";

    // The interceptors call the wrapper from another namespace, and repeat its signature.
    private static string? Refusal(IMethodSymbol method, IParameterSymbol? query)
    {
        if (query is null)
        {
            return "it takes no Func<PyxisQuery, T> or Func<PyxisQuery, TVars, T> parameter; take the query as one (Func<PyxisQuery, T> query) and pass it to client.QueryAsync(query), or with a variables object (TVars vars, Func<PyxisQuery, TVars, T> query) to client.QueryAsync(vars, query)";
        }

        if (!method.IsStatic)
        {
            return "it is not static; make it a static (or extension) method";
        }

        for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return $"'{symbol.Name}' is {symbol.DeclaredAccessibility.ToString().ToLowerInvariant()}; make it internal or public";
            }
        }

        return method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams)
            ? "it has a ref, out, in or params parameter; take them by value"
            : null;
    }

    private static WrapperSpec Spec(IMethodSymbol method, IParameterSymbol query)
    {
        var typeParameters =
            method.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">";
        var parameters = method.Parameters.Select(
            (p, i) =>
                $"{(i == 0 && method.IsExtensionMethod ? "this " : string.Empty)}{p.Type.ToDisplayString(Qualified)} {Escaped(p.Name)}"
        );
        return new WrapperSpec(
            method.ReturnType.ToDisplayString(Qualified),
            method.Name,
            typeParameters,
            string.Join(", ", parameters),
            string.Join(" ", method.TypeParameters.Select(Constraints).Where(c => c.Length > 0)),
            method.ContainingType.ToDisplayString(Qualified) + "." + method.Name + typeParameters,
            method.Parameters.Select(p => Escaped(p.Name)).ToEquatableArray(),
            Escaped(query.Name),
            ((INamedTypeSymbol)query.Type).TypeArguments.Last().ToDisplayString(Qualified)
        )
        {
            Variables = ((INamedTypeSymbol)query.Type).TypeArguments is [_, var vars, _] ? vars.ToDisplayString(Qualified) : null,
        };
    }

    private static string Constraints(ITypeParameterSymbol type)
    {
        var parts = new List<string>();
        if (type.HasReferenceTypeConstraint)
        {
            parts.Add("class");
        }

        if (type.HasValueTypeConstraint)
        {
            parts.Add(type.HasUnmanagedTypeConstraint ? "unmanaged" : "struct");
        }

        if (type.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        parts.AddRange(type.ConstraintTypes.Select(t => t.ToDisplayString(Qualified)));
        if (type.HasConstructorConstraint)
        {
            parts.Add("new()");
        }

        return parts.Count == 0 ? string.Empty : $"where {type.Name} : {string.Join(", ", parts)}";
    }

    private static string Escaped(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
