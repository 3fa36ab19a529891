using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// A field read through a variable of the selector that the analysis could not trace to a selected value (a lambda
/// parameter of a call it does not know, a local given a value it does not follow, a tuple's or anonymous object's
/// member, a library type's property such as a group's <c>Key</c>), or a schema object turned <c>dynamic</c>, would not
/// be asked and would throw at run time: it is refused at build instead (PYX125), once per variable, with the construct
/// and a rewrite.
/// </summary>
internal sealed partial class SelectorPaths
{
    private readonly HashSet<string> reportedUnfollowed = new(System.StringComparer.Ordinal);

    // What is found during the walk is reported after it, and only when nothing else was: a variable whose value comes
    // from a construct already refused (a positional pattern, a delegate call) is that one mistake, not a second.
    private readonly List<DiagnosticInfo> unfollowed = new();

    // read: .X read from owner, whose path is unknown.
    private void NotFollowed(ExpressionSyntax read, ExpressionSyntax? owner, SyntaxNode body)
    {
        if (owner is not null && LambdaReader.FieldName(model.GetSymbolInfo(read, cancellationToken).Symbol) is not null)
        {
            Untraced(owner, read, body);
        }
    }

    // owner is { X: … } / owner switch { { X: … } => … }: the pattern reads fields of a value whose path is unknown.
    private void NotFollowed(ExpressionSyntax owner, PatternSyntax pattern, SyntaxNode body)
    {
        if (pattern.DescendantNodesAndSelf().OfType<SubpatternSyntax>().Any())
        {
            Untraced(owner, pattern, body);
        }
    }

    private void Untraced(ExpressionSyntax owner, SyntaxNode read, SyntaxNode body)
    {
        if (PathOf(owner) is not null || InLocalFunction(read, body))
        {
            return;
        }

        var unwrapped = WholeValues.Unwrapped(owner);
        var (what, rewrite) = model.GetSymbolInfo(unwrapped, cancellationToken).Symbol switch
        {
            IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } p
                when DeclaredInSelector(p) && !IsSelectorOfField(p) => (
                "is a parameter of a lambda the generator does not know what it is given",
                "write the lambda inline on the selected list (list.Select(x => …), list.Zip(other, (a, b) => …)), or read the fields you need before handing values on"
            ),
            (ILocalSymbol or IRangeVariableSymbol) and var local when unwrapped is IdentifierNameSyntax && DeclaredInSelector(local) => (
                "holds a value the generator cannot trace to one selected field",
                "give it one selected value (var b = r.Data?.Brew; a ?? between two different fields is not one), or read the field on each side (r.Data?.Brew?.Build ?? r.Error?.Detail)"
            ),
            { ContainingType: { IsTupleType: true } or { IsAnonymousType: true } }
                when Root(unwrapped) is { } root && DeclaredInSelector(root) => (
                "is a member of a tuple or anonymous object the generator cannot trace to one selected field",
                "keep the tuple or anonymous object in a local written in place (var t = (D: r.Data, E: r.Error)), or put the fields you need in it rather than the objects"
            ),
            IMethodSymbol { DeclaringSyntaxReferences.Length: 0 } when Root(unwrapped) is { } root && DeclaredInSelector(root) => (
                "is a schema object returned by a library method the generator does not know the items of",
                "reach it through LINQ or an index on the selected list (list.FirstOrDefault(x => …), list[0])"
            ),
            // Not a schema field: in a package consumer those come from metadata too, and are followed (or refused) elsewhere.
            IPropertySymbol { DeclaringSyntaxReferences.Length: 0 } property
                when LambdaReader.FieldName(property) is null && Root(unwrapped) is { } root && DeclaredInSelector(root) => (
                "is a schema object held by a library type's property the generator does not follow (a group's Key, a Tuple's Item1)",
                "group or pair by a selected scalar (GroupBy(x => x?.Brew?.Build)), or hold the objects in a value tuple or anonymous object written in place"
            ),
            _ => (null, null),
        };
        if (what is not null && reportedUnfollowed.Add(MemberKey(unwrapped) ?? unwrapped.ToString()))
        {
            unfollowed.Add(
                LambdaReader.Report(DiagnosticCatalog.LambdaObjectNotFollowed, unwrapped, QueryLambdaFlow.Quote(unwrapped), what, rewrite!)
            );
        }
    }

    /// <summary>A schema object turned <c>dynamic</c>: its members are then read by name at run time, which is not followed.</summary>
    private void Dynamic(ExpressionSyntax expression, TypeInfo type)
    {
        if (type.ConvertedType is { TypeKind: TypeKind.Dynamic } && WholeValues.IsObject(type.Type))
        {
            Report(
                DiagnosticCatalog.LambdaObjectNotFollowed,
                expression,
                "is used as dynamic, whose members are read by name at run time",
                "keep its C# type and read the fields by their properties (r.Data?.Architecture)"
            );
        }
    }

    /// <summary>The values not followed, once the walk found no other mistake.</summary>
    private void ReportUnfollowed(int before)
    {
        if (diagnostics.Count == before)
        {
            diagnostics.AddRange(unfollowed);
        }
    }

    // A lambda given to a root field or a field method is a selector of its own (a root field called inside a selector is
    // PYX102, a field method binds it): not a lambda of the selector whose values are untraced.
    private bool IsSelectorOfField(IParameterSymbol parameter) =>
        parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken).FirstAncestorOrSelf<LambdaExpressionSyntax>()
            is { } lambda
        && OutsideParentheses(lambda).Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call }
        && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { ContainingType: var owner }
        && WholeValues.IsSurface(owner);

    private static SyntaxNode OutsideParentheses(SyntaxNode node) =>
        node.Parent is ParenthesizedExpressionSyntax parenthesized ? OutsideParentheses(parenthesized) : node;

    private bool DeclaredInSelector(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault() is { IsInSource: true } at
        && at.SourceTree == selector.SyntaxTree
        && selector.Span.Contains(at.SourceSpan);

    private ISymbol? Root(ExpressionSyntax expression) =>
        WholeValues.Unwrapped(expression) switch
        {
            MemberAccessExpressionSyntax access => Root(access.Expression),
            InvocationExpressionSyntax invocation when Receiver(invocation) is { } receiver => Root(receiver),
            ConditionalAccessExpressionSyntax conditional => Root(conditional.WhenNotNull),
            MemberBindingExpressionSyntax or ElementBindingExpressionSyntax when LambdaShapes.ConditionalTarget(expression) is { } target =>
                Root(target),
            ElementAccessExpressionSyntax element => Root(element.Expression),
            IdentifierNameSyntax name => model.GetSymbolInfo(name, cancellationToken).Symbol,
            _ => null,
        };

    // A local function's body is read when it is called, with its parameters bound; before that, in the selector's
    // own walk, what it reads is not yet known.
    private static bool InLocalFunction(SyntaxNode node, SyntaxNode body) =>
        node.Ancestors().TakeWhile(a => a != body).Any(a => a is LocalFunctionStatementSyntax);
}
