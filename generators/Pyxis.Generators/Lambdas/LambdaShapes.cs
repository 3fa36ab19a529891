using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// The lambda forms a selector may be written in: <c>r => …</c>, <c>(r) => …</c>,
/// <c>(ContainerRepositoryResponse r) => …</c>.
/// </summary>
internal static class LambdaShapes
{
    /// <summary>The parameter name and body of a one-parameter lambda (inside any parentheses), else null.</summary>
    public static (string Name, CSharpSyntaxNode Body)? OneParameter(ExpressionSyntax? expression) =>
        WholeValues.Unwrapped(expression) switch
        {
            SimpleLambdaExpressionSyntax simple => (simple.Parameter.Identifier.ValueText, simple.Body),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var parameter] } parenthesized => (
                parameter.Identifier.ValueText,
                parenthesized.Body
            ),
            _ => null,
        };

    /// <summary>The parameters of the lambda <paramref name="expression"/> is (inside any parentheses); none for another expression.</summary>
    public static SeparatedSyntaxList<ParameterSyntax> Parameters(ExpressionSyntax? expression) =>
        WholeValues.Unwrapped(expression) switch
        {
            SimpleLambdaExpressionSyntax simple => SyntaxFactory.SingletonSeparatedList(simple.Parameter),
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
            _ => default,
        };

    /// <summary>The lambda <paramref name="expression"/> is, inside any parentheses, else null.</summary>
    public static LambdaExpressionSyntax? Lambda(ExpressionSyntax? expression) =>
        WholeValues.Unwrapped(expression) as LambdaExpressionSyntax;

    /// <summary>
    /// What <c>?.</c> applies <paramref name="binding"/> to: in <c>d?.Brew?.Build</c>, <c>.Build</c> applies to
    /// <c>.Brew</c> and <c>.Brew</c> to <c>d</c> (the nearest conditional access whose when-not-null part holds it).
    /// </summary>
    public static ExpressionSyntax? ConditionalTarget(SyntaxNode binding)
    {
        for (var node = binding; node.Parent is { } parent; node = parent)
        {
            if (parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == node)
            {
                return access.Expression;
            }
        }

        return null;
    }
}
