using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Patterns over selected values, at any depth: <c>o is { Data: { } d, Error: null }</c> reads <c>data</c> and
/// <c>error</c>, and binds <c>d</c> to <c>data</c> so what is read through it is what is asked.
/// </summary>
internal sealed partial class SelectorPaths
{
    private void Matched(ExpressionSyntax matched, IEnumerable<PatternSyntax> patterns, SyntaxNode body)
    {
        var path = PathOf(matched);
        foreach (var pattern in patterns)
        {
            if (path is null)
            {
                NotFollowed(matched, pattern, body);
            }
            else
            {
                Match(pattern, path);
            }
        }
    }

    private void Match(PatternSyntax pattern, string path)
    {
        switch (pattern)
        {
            case DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax variable }:
                Bind(variable, path);
                break;
            case VarPatternSyntax { Designation: SingleVariableDesignationSyntax variable }:
                Bind(variable, path);
                break;
            case RecursivePatternSyntax recursive:
                if (recursive.Designation is SingleVariableDesignationSyntax named)
                {
                    Bind(named, path);
                }

                foreach (var subpattern in recursive.PropertyPatternClause?.Subpatterns ?? default)
                {
                    var member = (ExpressionSyntax?)subpattern.NameColon?.Name ?? subpattern.ExpressionColon?.Expression;
                    if (member is not null && MemberPath(member, path) is { } below && below != path)
                    {
                        Ask(below);
                        Match(subpattern.Pattern, below);
                    }
                }

                break;
            case ListPatternSyntax list:
                // [var first, ..]: each element pattern matches one item, whose path is the list's.
                if (list.Designation is SingleVariableDesignationSyntax whole)
                {
                    Bind(whole, path);
                }

                foreach (var element in list.Patterns)
                {
                    Match(element is SlicePatternSyntax { Pattern: { } rest } ? rest : element, path);
                }

                break;
            case BinaryPatternSyntax binary:
                Match(binary.Left, path);
                Match(binary.Right, path);
                break;
            case UnaryPatternSyntax unary:
                Match(unary.Pattern, path);
                break;
            case ParenthesizedPatternSyntax parenthesized:
                Match(parenthesized.Pattern, path);
                break;
        }
    }

    // The path of Data or Data.Repository in { Data.Repository: … }, relative to the matched value's path.
    private string? MemberPath(ExpressionSyntax member, string path) =>
        member switch
        {
            IdentifierNameSyntax => LambdaReader.FieldName(model.GetSymbolInfo(member, cancellationToken).Symbol) is not null
                ? Extend(path, member, member)
                : null,
            MemberAccessExpressionSyntax access => Extend(MemberPath(access.Expression, path), access, access.Expression),
            _ => null,
        };
}
