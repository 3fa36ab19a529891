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

        var call = LambdaReader.ReadCall(model, invocation, intercept, argument.Expression, withoutVariables: true, cancellationToken);
        return call with { Wrapper = Spec(method, queryParameter!) };
    }

    /// <summary>Whether <paramref name="argument"/> is the query parameter of the <c>[PyxisQueryWrapper]</c> method around it.</summary>
    public static bool IsForwarded(SemanticModel model, ExpressionSyntax argument, CancellationToken cancellationToken) =>
        argument is IdentifierNameSyntax
        && model.GetSymbolInfo(argument, cancellationToken).Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter
        && IsWrapper(method)
        && IsQuery(parameter.Type);

    private static bool IsWrapper(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Attribute);

    private static bool IsQuery(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Func", TypeArguments: [var root, _] }
        && root.ToDisplayString() == "Pyxis.Client.Schema.PyxisQuery";

    // The interceptors call the wrapper from another namespace, and repeat its signature.
    private static string? Refusal(IMethodSymbol method, IParameterSymbol? query)
    {
        if (query is null)
        {
            return "it takes no Func<PyxisQuery, T> parameter; take the query as one (Func<PyxisQuery, T> query) and pass it to client.QueryAsync(query)";
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
            ((INamedTypeSymbol)query.Type).TypeArguments[1].ToDisplayString(Qualified)
        );
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
