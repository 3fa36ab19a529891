using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Whether a selected object is used as a value (returned, stored, passed on, matched into a variable) rather than
/// read through: <c>new { r.Data, r.Data!.Repository }</c> returns the whole <c>Data</c>, so it must bring its scalar
/// fields even though <c>repository</c> is also read by path. Null checks only ask for the object to be there.
/// </summary>
internal static class WholeValues
{
    /// <summary>The path step meaning "every scalar field of this object".</summary>
    public const string AllScalars = "*";

    public static bool IsWhole(ExpressionSyntax expression, ITypeSymbol? type) => IsObject(type) && !IsReadThrough(expression);

    private static bool IsReadThrough(ExpressionSyntax expression)
    {
        SyntaxNode current = expression;
        while (true)
        {
            switch (current.Parent)
            {
                case PostfixUnaryExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax:
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression } cast when cast.Left == current:
                    current = current.Parent;
                    continue;
                case FromClauseSyntax or JoinClauseSyntax or LetClauseSyntax:
                    // The range variable is followed like a Select lambda's parameter.
                    return true;
                case ArgumentSyntax
                {
                    Parent: TupleExpressionSyntax { Parent: AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax } }
                }:
                    // var (d, e) = (r.Data, r.Error): each variable is followed like the value.
                    return true;
                case ConditionalAccessExpressionSyntax access when access.WhenNotNull == current:
                    current = access;
                    continue;
                case MemberAccessExpressionSyntax access when access.Expression == current:
                    return true;
                case ConditionalAccessExpressionSyntax access when access.Expression == current:
                    return true;
                case ElementAccessExpressionSyntax access when access.Expression == current:
                    return true;
                case BinaryExpressionSyntax binary
                    when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    return IsNull(binary.Left == current ? binary.Right : binary.Left);
                case IsPatternExpressionSyntax { Pattern: var pattern }:
                    return IsFollowed(pattern);
                case SwitchExpressionSyntax switchExpression when switchExpression.GoverningExpression == current:
                    return switchExpression.Arms.All(a => IsFollowed(a.Pattern));
                case SwitchStatementSyntax switchStatement when switchStatement.Expression == current:
                    return switchStatement
                        .Sections.SelectMany(s => s.Labels)
                        .All(l => l is not CasePatternSwitchLabelSyntax pattern || IsFollowed(pattern.Pattern));
                case AssignmentExpressionSyntax assignment when assignment.Left == current:
                    // d = …: a write to d, not a use of what it held.
                    return true;
                case SelectClauseSyntax { Parent: QueryBodySyntax { Continuation: not null } }:
                case GroupClauseSyntax { Parent: QueryBodySyntax { Continuation: not null } } group when group.GroupExpression == current:
                    // select i into k / group i by … into g: k and g are followed like i.
                    return true;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax } assignment when assignment.Right == current:
                    // d = r.Data to a local of the selector is followed like a declaration (any other target is PYX121).
                    return true;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax }:
                case ForEachStatementSyntax loop when loop.Expression == current:
                    // var d = r.Data / foreach (var i in p.Data): the variable is followed like the value.
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Whether <see cref="SelectorPaths"/> follows what <paramref name="pattern"/> reads: its property patterns (at any
    /// depth) by field, its variables by what is read through them. A positional pattern reads through
    /// <c>Deconstruct</c>, which is not followed, so the value is taken whole.
    /// </summary>
    private static bool IsFollowed(PatternSyntax pattern) =>
        !pattern.DescendantNodesAndSelf().OfType<PositionalPatternClauseSyntax>().Any();

    /// <summary>The expression inside any <c>!</c> and parentheses.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(expression))]
    public static ExpressionSyntax? Unwrapped(ExpressionSyntax? expression) =>
        expression switch
        {
            PostfixUnaryExpressionSyntax postfix => Unwrapped(postfix.Operand),
            ParenthesizedExpressionSyntax parenthesized => Unwrapped(parenthesized.Expression),
            _ => expression,
        };

    private static bool IsNull(ExpressionSyntax expression) => expression.IsKind(SyntaxKind.NullLiteralExpression);

    /// <summary>A schema object, or a list of them (its items are then taken whole).</summary>
    public static bool IsObject(ITypeSymbol? type)
    {
        while (type is INamedTypeSymbol { Name: "ValueList", TypeArguments.Length: 1 } list)
        {
            type = list.TypeArguments[0];
        }

        return IsSurface(type);
    }

    /// <summary>Whether <paramref name="type"/> is a class of the generated lambda-query surface (a schema object or union value).</summary>
    public static bool IsSurface(ITypeSymbol? type) =>
        type is { TypeKind: TypeKind.Class }
        && type.ContainingNamespace?.ToDisplayString().EndsWith(Building.SurfaceBuilder.NamespaceSuffix, System.StringComparison.Ordinal)
            == true;
}
