using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// LINQ over selected lists, read from the methods' generic signatures rather than a list of names: a type parameter
/// given a selected list (<c>TSource</c> of <c>Zip</c>'s receiver, <c>TSecond</c> of its argument) or returned by a
/// lambda (<c>TElement</c> of <c>GroupBy</c>'s element selector) stands for that list's items, so every lambda
/// parameter of that type is bound to them (<c>Aggregate((a, b) => …)</c>, <c>Select((x, i) => …)</c>,
/// <c>GroupBy(k, (key, xs) => …)</c>), and so is the call's result when its items are of that type. The static form
/// (<c>Enumerable.Select(list, x => …)</c>) reads the same.
/// </summary>
internal sealed partial class SelectorPaths
{
    private const string LinqNamespace = "System.Linq";

    // The calls being read, so that a lambda body's path does not read its own call again.
    private readonly HashSet<InvocationExpressionSyntax> linqCalls = new();

    // LINQ, and any other generic library method (Array.Sort(array, (a, b) => …), list.Find(x => …)): a library cannot
    // make schema objects, so a value of a type parameter it hands a lambda or returns is one it was given.
    private static bool IsLinq(IMethodSymbol method) =>
        method.ContainingNamespace?.ToDisplayString() == LinqNamespace
        || method.DeclaringSyntaxReferences.IsEmpty
            && !WholeValues.IsSurface(method.ContainingType)
            && (method.IsGenericMethod || method.ContainingType is { IsGenericType: true });

    private bool IsLinqCall(InvocationExpressionSyntax invocation) =>
        model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && IsLinq(method);

    /// <summary>The path of the items of a LINQ call's result, binding its lambdas' parameters on the way; null for another call.</summary>
    private string? Linq(InvocationExpressionSyntax invocation)
    {
        // Not kept between calls: a local function's body is read again with its parameters bound to other values.
        if (!linqCalls.Add(invocation))
        {
            return null;
        }

        var itemsPath = ReadLinq(invocation);
        linqCalls.Remove(invocation);
        return itemsPath;
    }

    private string? ReadLinq(InvocationExpressionSyntax invocation)
    {
        if (
            model.GetOperation(invocation, cancellationToken) is not IInvocationOperation { TargetMethod: var target } operation
            || !IsLinq(target)
        )
        {
            return null;
        }

        var definition = (target.ReducedFrom ?? target).OriginalDefinition;
        // A type parameter given two different selected lists (Concat of two fields) stands for neither: null.
        var items = new Dictionary<ITypeSymbol, string?>(SymbolEqualityComparer.Default);
        void Give(ITypeSymbol t, string path) => items[t] = !items.TryGetValue(t, out var given) || given == path ? path : null;

        // list.Find(x => …): the receiver of an instance method holds items of its type's (last) type parameter.
        var receiver = operation.Instance is null ? null : Receiver(invocation);
        var owned = definition.ContainingType.TypeParameters.LastOrDefault();
        if (receiver is not null && owned is not null && PathOf(receiver) is { } held)
        {
            Give(owned, held);
        }

        var arguments = operation.Arguments.Where(a => a.Parameter is not null).OrderBy(a => a.Parameter!.Ordinal).ToList();
        foreach (var argument in arguments.Where(a => Lambda(a) is null))
        {
            if (ValueOf(argument, invocation) is not { } value || PathOf(value) is not { } path)
            {
                continue;
            }

            var declared = Declared(definition, argument);
            if (Element(declared) is { } t)
            {
                Give(t, path);
            }
            else if (declared is { SpecialType: SpecialType.System_Collections_IEnumerable } && definition.TypeParameters is [var only])
            {
                // OfType<T>(), Cast<T>(): the items of an untyped list are the method's one type parameter.
                Give(only, path);
            }
        }

        Collected(receiver, owned, invocation, items);
        foreach (var argument in arguments.Where(a => a.Parameter!.RefKind == RefKind.Out))
        {
            // dictionary.TryGetValue(key, out var hit): hit is one of the dictionary's items.
            if (
                argument.Value.Syntax is DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax variable }
                && Element(Declared(definition, argument)) is { } t
            )
            {
                Bind(variable, items.TryGetValue(t, out var path) ? path : null);
            }
        }

        foreach (var argument in arguments)
        {
            if (
                Lambda(argument) is not { } lambda
                || Declared(definition, argument) is not INamedTypeSymbol { DelegateInvokeMethod: { } invoke }
            )
            {
                continue;
            }

            var parameters = LambdaShapes.Parameters(lambda);
            for (var i = 0; i < parameters.Count && i < invoke.Parameters.Length; i++)
            {
                Bind(parameters[i], Element(invoke.Parameters[i].Type) is { } t && items.TryGetValue(t, out var path) ? path : null);
            }

            if (lambda.Body is ExpressionSyntax body && Element(invoke.ReturnType) is { } result && PathOf(body) is { } returned)
            {
                Give(result, returned);
            }
        }

        return Element(definition.ReturnType) is { } r && items.TryGetValue(r, out var of) ? of : null;
    }

    /// <summary>
    /// A library method on a selected list that hands back its items (<c>list.Find(x => …)</c>,
    /// <c>dictionary.GetValueOrDefault(k)</c>): a library cannot make schema objects, so an item of the list's type it
    /// returns is one of the list's.
    /// </summary>
    private string? SameItems(ExpressionSyntax call, ExpressionSyntax receiver, string path) =>
        model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { DeclaringSyntaxReferences.Length: 0 } method
        && !WholeValues.IsSurface(method.ContainingType)
        && Items(method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType) is { } returned
        && WholeValues.IsSurface(returned)
        && SymbolEqualityComparer.Default.Equals(returned, Items(TypeOf(receiver)))
            ? path
            : null;

    // all.Add(x) on a local list of the selector: from here on its items are x's (a list given two different ones, none).
    private void Collected(
        ExpressionSyntax? receiver,
        ITypeSymbol? owned,
        InvocationExpressionSyntax invocation,
        Dictionary<ITypeSymbol, string?> items
    )
    {
        if (
            receiver is IdentifierNameSyntax local
            && owned is not null
            && items.TryGetValue(owned, out var path)
            && model.GetSymbolInfo(local, cancellationToken).Symbol is ILocalSymbol symbol
            && DeclaredInSelector(symbol)
            && invocation.Expression
                is MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: "Add" or "AddRange" or "Insert" or "InsertRange" or "Push" or "Enqueue" or "TryAdd"
                }
        )
        {
            Bind(Key(symbol), path);
        }
    }

    // The receiver of list?.Zip(…) is the conditional access's target.
    private static ExpressionSyntax? ValueOf(IArgumentOperation argument, InvocationExpressionSyntax invocation)
    {
        var value = argument.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value is IConditionalAccessInstanceOperation ? Receiver(invocation) : value.Syntax as ExpressionSyntax;
    }

    private static ITypeSymbol? Declared(IMethodSymbol definition, IArgumentOperation argument) =>
        argument.Parameter!.Ordinal < definition.Parameters.Length ? definition.Parameters[argument.Parameter.Ordinal].Type : null;

    private static LambdaExpressionSyntax? Lambda(IArgumentOperation argument) =>
        argument.Value.Syntax is ExpressionSyntax value ? LambdaShapes.Lambda(value) : null;

    /// <summary>
    /// The type parameter a value of <paramref name="type"/> holds items of: <c>TSource</c> for <c>TSource</c>,
    /// <c>IEnumerable&lt;TSource&gt;</c>, <c>TSource[]</c> and <c>IEnumerable&lt;IGrouping&lt;TKey, TSource&gt;&gt;</c>
    /// (a list's path is its items' path), <c>TValue</c> of a dictionary; null for a tuple or anything else.
    /// </summary>
    private static ITypeParameterSymbol? Element(ITypeSymbol? type) =>
        type switch
        {
            ITypeParameterSymbol parameter => parameter,
            IArrayTypeSymbol array => Element(array.ElementType),
            INamedTypeSymbol { IsTupleType: false, TypeKind: not TypeKind.Delegate, TypeArguments.Length: > 0 } named => Element(
                named.TypeArguments[named.TypeArguments.Length - 1]
            ),
            _ => null,
        };

    /// <summary>
    /// The items a library member hands back unchanged (<c>dictionary.Values</c>, <c>pair.Value</c>): the member's
    /// items are of the type of its owner's items.
    /// </summary>
    private static bool PassesItems(ISymbol member, ITypeSymbol? owner) =>
        member is IPropertySymbol { Type: var type }
        && !WholeValues.IsSurface(member.ContainingType)
        && Items(type) is { } items
        && WholeValues.IsSurface(items)
        && SymbolEqualityComparer.Default.Equals(items, Items(owner));

    // The constructed counterpart of Element: the type of a value's items (a value's own type when it is not a list).
    private static ITypeSymbol? Items(ITypeSymbol? type) =>
        type switch
        {
            IArrayTypeSymbol array => Items(array.ElementType),
            INamedTypeSymbol { SpecialType: SpecialType.System_String } => type,
            INamedTypeSymbol named when !WholeValues.IsSurface(named) && Enumerated(named) is { } item => Items(item),
            INamedTypeSymbol { IsTupleType: false, TypeKind: not TypeKind.Delegate, TypeArguments.Length: > 0 } named
                when !WholeValues.IsSurface(named) => Items(named.TypeArguments[named.TypeArguments.Length - 1]),
            _ => type,
        };

    // T of the IEnumerable<T> a type is or implements (Dictionary<K, V>.ValueCollection: V).
    private static ITypeSymbol? Enumerated(INamedTypeSymbol type) =>
        new[] { type }
            .Concat(type.AllInterfaces)
            .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            ?.TypeArguments[0];
}
