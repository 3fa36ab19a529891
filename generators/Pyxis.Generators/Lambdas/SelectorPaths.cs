using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// The response paths a selector reads: <c>r => new { r.Data!.Repository, Tags = r.Data.AutoRebuildTags }</c> reads
/// <c>data</c>, <c>data/repository</c> and <c>data/auto_rebuild_tags</c>. Paths follow member access, <c>!</c>,
/// <c>?.</c>, indexing, and lambdas over lists (<c>Select</c>, <c>Where</c>, <c>First</c>…), whose parameter stands for
/// one item, locals and pattern variables holding a selected value (at any depth of a pattern), and
/// <c>[PyxisFragment]</c> methods. The selector runs as ordinary C# over the answer, so any computation on what it
/// reads is fine; a field it reads in a way not followed here is not asked, and reading it throws
/// <c>PyxisUnselectedFieldException</c> rather than giving null.
/// </summary>
internal sealed partial class SelectorPaths(
    SemanticModel semanticModel,
    LambdaExpressionSyntax selector,
    List<DiagnosticInfo> diagnostics,
    CancellationToken cancellationToken
)
{
    private SemanticModel model = semanticModel;

    private readonly SortedSet<string> paths = new(System.StringComparer.Ordinal);

    private readonly HashSet<IMethodSymbol> visiting = new(SymbolEqualityComparer.Default);

    // Values handed to a [PyxisFragment] method: the method's body says what they need, so they are not taken whole.
    private readonly HashSet<SyntaxNode> fragmentArguments = new();

    public IEnumerable<string> Read()
    {
        Bind(LambdaShapes.Parameters(selector)[0], string.Empty);
        var before = diagnostics.Count;
        Walk(selector.Body, model);
        ReportUnfollowed(before);
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
            Refuse(node, body);
            switch (node)
            {
                case MemberAccessExpressionSyntax access:
                    NotFollowed(access, access.Expression, body);
                    break;
                case MemberBindingExpressionSyntax binding:
                    NotFollowed(binding, LambdaShapes.ConditionalTarget(binding), body);
                    break;
            }

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
                    Ask(path);
                    AddWhole((ExpressionSyntax)node, path);
                    break;
                case IdentifierNameSyntax name when PathOf(name) is { Length: > 0 } path:
                    AddWhole(name, path);
                    break;
                case IsPatternExpressionSyntax { Expression: var matched, Pattern: var pattern }:
                    // r.Data is { Repository: { } d }: d stands for that value, so what is read through d is what is asked.
                    Matched(matched, [pattern], body);
                    break;
                case SwitchExpressionSyntax { GoverningExpression: var matched } switchExpression:
                    Matched(matched, switchExpression.Arms.Select(a => a.Pattern), body);
                    break;
                case SwitchStatementSyntax { Expression: var matched } switchStatement:
                    Matched(
                        matched,
                        switchStatement.Sections.SelectMany(s => s.Labels).OfType<CasePatternSwitchLabelSyntax>().Select(l => l.Pattern),
                        body
                    );
                    break;
                case VariableDeclaratorSyntax { Initializer.Value: var value } declarator:
                    // var d = r.Data: a local standing for a selected value is followed like the value.
                    Bind(declarator, PathOf(value));
                    BindMembers(Key(model.GetDeclaredSymbol(declarator, cancellationToken)), value);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax local, Right: var value }
                    when model.GetSymbolInfo(local, cancellationToken).Symbol is ILocalSymbol symbol:
                    // d = r.Data: from here on d stands for that value, as after var d = r.Data.
                    Bind(Key(symbol), PathOf(value));
                    BindMembers(Key(symbol), value);
                    break;
                case ForEachStatementSyntax { Expression: var source } loop:
                    Bind(loop, PathOf(source));
                    break;
                case FromClauseSyntax { Expression: var source } from:
                    // from i in p.Data …: i is one item, like a Select lambda's parameter.
                    Bind(from, PathOf(source));
                    break;
                case JoinClauseSyntax { InExpression: var source } join:
                    Bind(join, PathOf(source));
                    break;
                case QueryContinuationSyntax continuation:
                    // … select i into k / group i by … into g: k is one item as i was; g's items are such items.
                    Bind(continuation, Continued(continuation));
                    break;
                case LetClauseSyntax { Expression: var value } let:
                    Bind(let, PathOf(value));
                    break;
                case AssignmentExpressionSyntax
                {
                    Left: DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax names },
                    Right: TupleExpressionSyntax values
                }:
                    // var (d, e) = (r.Data, r.Error): each variable stands for its element.
                    Deconstruct(names, values);
                    break;
                case MemberAccessExpressionSyntax { Expression: var target, Parent: not InvocationExpressionSyntax }
                    when PathOf(target) is { Length: > 0 } owner && WholeValues.IsObject(TypeOf(target)):
                    // r.Data.Count reads no field, but the list must be there to count: ask for __typename only (a
                    // group's Key, a dictionary's Count are the C# value's own, not the answer's).
                    Ask(owner + "/__typename");
                    break;
            }
        }

        model = outer;
    }

    private string? Continued(QueryContinuationSyntax continuation) =>
        (continuation.Parent as QueryBodySyntax)?.SelectOrGroup switch
        {
            SelectClauseSyntax select => PathOf(select.Expression),
            GroupClauseSyntax group => PathOf(group.GroupExpression),
            _ => null,
        };

    private void Deconstruct(ParenthesizedVariableDesignationSyntax names, TupleExpressionSyntax values)
    {
        for (var i = 0; i < names.Variables.Count && i < values.Arguments.Count; i++)
        {
            if (names.Variables[i] is SingleVariableDesignationSyntax name)
            {
                Bind(name, PathOf(values.Arguments[i].Expression));
            }
        }
    }

    private void AddWhole(ExpressionSyntax expression, string path)
    {
        var type = model.GetTypeInfo(expression, cancellationToken);
        Dynamic(expression, type);
        if (!fragmentArguments.Contains(expression) && WholeValues.IsWhole(expression, type.Type))
        {
            Ask(path + "/" + WholeValues.AllScalars);
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
            MemberBindingExpressionSyntax binding => LambdaShapes.ConditionalTarget(binding),
            _ => null,
        };
        // LINQ binds its lambdas' parameters from its signature, in the static form (Enumerable.Select(list, x => …)) too.
        var linq = IsLinqCall(invocation);
        if (linq)
        {
            Linq(invocation);
        }

        if (receiver is null || PathOf(receiver) is not { } path || FieldCall(invocation, path) is not null)
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

        // A lambda over a list of selected values: its parameter is one item of the list; a [PyxisFragment] method
        // group is read with its parameter bound to one item.
        foreach (var argument in invocation.ArgumentList.Arguments.Select(a => a.Expression))
        {
            if (LambdaShapes.Lambda(argument) is not null && linq)
            {
                continue;
            }

            if (LambdaShapes.Parameters(argument) is [var parameter])
            {
                Bind(parameter, path);
            }
            else if (FragmentMethod(argument) is { } method)
            {
                ReadFragment(method, [path]);
            }
        }
    }

    // The response path of an expression, or null when it is not a selected value.
    private string? PathOf(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case IdentifierNameSyntax name:
                return Bound(name);
            case MemberAccessExpressionSyntax access:
                return Extend(PathOf(access.Expression), access, access.Expression)
                    ?? (MemberKey(access) is { } key && bindings.TryGetValue(key, out var member) ? member : null);
            case MemberBindingExpressionSyntax binding:
                return LambdaShapes.ConditionalTarget(binding) is { } target ? Extend(PathOf(target), binding, target) : null;
            case ElementBindingExpressionSyntax element:
                // r.Data?.Repositories?[0]: one item of what ?. applies to.
                return LambdaShapes.ConditionalTarget(element) is { } list ? PathOf(list) : null;
            case ConditionalAccessExpressionSyntax conditional:
                return PathOf(conditional.WhenNotNull);
            case PostfixUnaryExpressionSyntax bang:
                return PathOf(bang.Operand);
            case CastExpressionSyntax cast:
                return PathOf(cast.Expression);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression } cast:
                return PathOf(cast.Left);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce:
                return Either([coalesce.Left, coalesce.Right]);
            case ConditionalExpressionSyntax conditional:
                return Either([conditional.WhenTrue, conditional.WhenFalse]);
            case SwitchExpressionSyntax switchExpression:
                return Either(switchExpression.Arms.Select(a => a.Expression));
            case ParenthesizedExpressionSyntax parenthesized:
                return PathOf(parenthesized.Expression);
            case RefExpressionSyntax reference:
                return PathOf(reference.Expression);
            case ElementAccessExpressionSyntax element:
                return PathOf(element.Expression);
            case CollectionExpressionSyntax collection:
                // [.. r.Data.Repositories, r.Data.Repositories[0]]: a list of the items the elements are.
                return collection.Elements.Count == 0
                    ? null
                    : Same(
                        collection.Elements.Select(e =>
                            e switch
                            {
                                SpreadElementSyntax spread => PathOf(spread.Expression),
                                ExpressionElementSyntax item => PathOf(item.Expression),
                                _ => null,
                            }
                        )
                    );
            case InvocationExpressionSyntax invocation:
                return Items(invocation);
            case ObjectCreationExpressionSyntax { ArgumentList.Arguments: [var only] } creation when PathOf(only.Expression) is { } items:
                // new List<T>(list), new HashSet<T>(list): a library collection of the same items.
                return SameItems(creation, only.Expression, items);
            default:
                // (Brew?)null, default: a value that is always null reads no field.
                return model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: null } ? NullValue : null;
        }
    }

    private static string? Same(IEnumerable<string?> paths)
    {
        var distinct = paths.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }

    // What a call over selected values stands for: a field read with arguments, On<T>(), or LINQ (Linq).
    private string? Items(InvocationExpressionSyntax invocation)
    {
        var receiver = Receiver(invocation);
        var source = receiver is null ? null : PathOf(receiver);
        if (FieldCall(invocation, source) is not null)
        {
            // What the select lambda returns: its parameter is bound to the field's value.
            return LambdaShapes.OneParameter(LambdaReader.SelectorArgument(invocation)) is { Body: ExpressionSyntax body }
                ? PathOf(body)
                : null;
        }

        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => null,
        };
        if (source == NullValue)
        {
            return NullValue;
        }

        if (name is GenericNameSyntax { Identifier.ValueText: "On", TypeArgumentList.Arguments: [var typeArgument] } && source is not null)
        {
            // q.Entities(…).On<ProductListingFederated>().Name: the fields after it are asked on that type only.
            return LambdaReader.FieldName(model.GetTypeInfo(typeArgument, cancellationToken).Type) is { } typeName
                ? (source.Length == 0 ? SelectionTree.OnType : source + "/" + SelectionTree.OnType) + typeName
                : null;
        }

        return IsLinqCall(invocation) ? Linq(invocation)
            : receiver is not null && source is not null ? SameItems(invocation, receiver, source)
            : null;
    }

    private string? Extend(string? parent, ExpressionSyntax member, ExpressionSyntax owner)
    {
        if (parent == NullValue)
        {
            return NullValue;
        }

        // A field method's name (e.ImagesWith) is not the field read: its call is (FieldCall).
        var symbol = model.GetSymbolInfo(member, cancellationToken).Symbol;
        if (parent is null || symbol is null or IMethodSymbol)
        {
            return null;
        }

        if (LambdaReader.FieldName(symbol) is not { } field)
        {
            // dictionary.Values, pair.Value: the same items.
            return PassesItems(symbol, TypeOf(owner)) ? parent : null;
        }

        return parent.Length == 0 ? field : parent + "/" + field;
    }
}
