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

    // Keyed by name: a lambda inside a generic call is bound several times during inference, so its parameter symbols
    // are not one instance; the names are what the selector's text says.
    private readonly Dictionary<string, string> parameters = new(System.StringComparer.Ordinal);
    private readonly SortedSet<string> paths = new(System.StringComparer.Ordinal);

    private readonly HashSet<IMethodSymbol> visiting = new(SymbolEqualityComparer.Default);

    // Values handed to a [PyxisFragment] method: the method's body says what they need, so they are not taken whole.
    private readonly HashSet<SyntaxNode> fragmentArguments = new();

    public IEnumerable<string> Read()
    {
        parameters[LambdaShapes.OneParameter(selector)!.Value.Name] = string.Empty;
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
            Refuse(node, body);
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
                case IsPatternExpressionSyntax { Expression: var matched, Pattern: var pattern } when PathOf(matched) is { } path:
                    // r.Data is { Repository: { } d }: d stands for that value, so what is read through d is what is asked.
                    Match(pattern, path);
                    break;
                case SwitchExpressionSyntax { GoverningExpression: var matched } switchExpression when PathOf(matched) is { } path:
                    foreach (var arm in switchExpression.Arms)
                    {
                        Match(arm.Pattern, path);
                    }

                    break;
                case SwitchStatementSyntax { Expression: var matched } switchStatement when PathOf(matched) is { } path:
                    foreach (var label in switchStatement.Sections.SelectMany(s => s.Labels).OfType<CasePatternSwitchLabelSyntax>())
                    {
                        Match(label.Pattern, path);
                    }

                    break;
                case VariableDeclaratorSyntax { Initializer.Value: var value } declarator when PathOf(value) is { } path:
                    // var d = r.Data: a local standing for a selected value is followed like the value.
                    parameters[declarator.Identifier.ValueText] = path;
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax local, Right: var value } when PathOf(value) is { } path:
                    // d = r.Data: from here on d stands for that value, as after var d = r.Data.
                    parameters[local.Identifier.ValueText] = path;
                    break;
                case ForEachStatementSyntax { Expression: var source } loop when PathOf(source) is { } path:
                    parameters[loop.Identifier.ValueText] = path;
                    break;
                case FromClauseSyntax { Expression: var source } from when PathOf(source) is { } path:
                    // from i in p.Data …: i is one item, like a Select lambda's parameter.
                    parameters[from.Identifier.ValueText] = path;
                    break;
                case JoinClauseSyntax { InExpression: var source } join when PathOf(source) is { } path:
                    parameters[join.Identifier.ValueText] = path;
                    break;
                case QueryContinuationSyntax continuation when Continued(continuation) is { } path:
                    // … select i into k / group i by … into g: k is one item as i was; g's items are such items.
                    parameters[continuation.Identifier.ValueText] = path;
                    break;
                case LetClauseSyntax { Expression: var value } let when PathOf(value) is { } path:
                    parameters[let.Identifier.ValueText] = path;
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
                    when PathOf(target) is { Length: > 0 } owner:
                    // r.Data.Count reads no field, but the list must be there to count: ask for __typename only.
                    paths.Add(owner + "/__typename");
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
            if (names.Variables[i] is SingleVariableDesignationSyntax name && PathOf(values.Arguments[i].Expression) is { } path)
            {
                parameters[name.Identifier.ValueText] = path;
            }
        }
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
            MemberBindingExpressionSyntax binding => LambdaShapes.ConditionalTarget(binding),
            _ => null,
        };
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
            if (LambdaShapes.OneParameter(argument) is { } lambda)
            {
                parameters[lambda.Name] = path;
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
                return
                    parameters.TryGetValue(name.Identifier.ValueText, out var bound)
                    && model.GetSymbolInfo(name, cancellationToken).Symbol is IParameterSymbol or ILocalSymbol or IRangeVariableSymbol
                    ? bound
                    : null;
            case MemberAccessExpressionSyntax access:
                return Extend(PathOf(access.Expression), access);
            case MemberBindingExpressionSyntax binding:
                return Extend(LambdaShapes.ConditionalTarget(binding) is { } target ? PathOf(target) : null, binding);
            case PostfixUnaryExpressionSyntax bang:
                return PathOf(bang.Operand);
            case CastExpressionSyntax cast:
                return PathOf(cast.Expression);
            case BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsExpression } cast:
                return PathOf(cast.Left);
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
        if (FieldCall(invocation, source) is not null)
        {
            // What the select lambda returns: its parameter is bound to the field's value.
            return LambdaShapes.OneParameter(LambdaReader.SelectorArgument(invocation)) is { Body: ExpressionSyntax body }
                ? PathOf(body)
                : null;
        }

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
                    ? (source.Length == 0 ? SelectionTree.OnType : source + "/" + SelectionTree.OnType) + typeName
                    : null;
            case "Select"
            or "SelectMany"
                when source is not null
                    && LambdaShapes.OneParameter(invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression)
                        is { Body: ExpressionSyntax body } map:
                parameters[map.Name] = source;

                return PathOf(body);
            default:
                return null;
        }
    }

    private string? Extend(string? parent, ExpressionSyntax member)
    {
        // A field method's name (e.ImagesWith) is not the field read: its call is (FieldCall).
        var symbol = model.GetSymbolInfo(member, cancellationToken).Symbol;
        if (parent is null || symbol is IMethodSymbol || LambdaReader.FieldName(symbol) is not { } field)
        {
            return null;
        }

        return parent.Length == 0 ? field : parent + "/" + field;
    }
}
