using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Arguments of a field below the root known only at run time (<c>r.Data!.Edges!.ImagesWith(pageSize: size, …)</c> with
/// <c>size</c> a captured local, a parameter of the method or <c>v.Size</c>). The selector runs over the answer, after the
/// request is sent, so such a value is read before: in the recording run the selector is handed generated objects that
/// lead straight to the call, whose method writes its arguments as variables and stops the selector there. That is
/// sound only when the call is the first thing the selector evaluates, on a path of fields from its parameter, and the
/// value depends on nothing the selector reads: otherwise the call is refused (PYX116), saying why.
/// </summary>
internal sealed partial class SelectorPaths
{
    /// <summary>The path of the field read with arguments known at run time (<c>data/edges/images@</c>), else null.</summary>
    public string? HoistedPath { get; private set; }

    // Why the value depends on the answer (a symbol the selector or its fragment declares, or a local holding a root
    // field's result, a placeholder when the request is made), else null.
    private string? DataIn(ExpressionSyntax value, SyntaxNode call)
    {
        SyntaxNode scope = Within(call)
            ? selector
            : call.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? (SyntaxNode)selector;
        foreach (var name in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (
                symbol is { Kind: SymbolKind.Parameter or SymbolKind.Local or SymbolKind.RangeVariable }
                && symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == scope.SyntaxTree && scope.Span.Contains(r.Span))
            )
            {
                return $"'{value}' depends on '{name.Identifier.ValueText}', which the selector reads from the answer, but the document and its variables are sent before the answer exists";
            }

            if (symbol is ILocalSymbol local && HoldsRootResult(local))
            {
                return $"'{value}' depends on '{name.Identifier.ValueText}', which holds a root field's result: it is not there when the document and its variables are sent (both root fields go in one request)";
            }
        }

        return null;
    }

    // var a = q.GetImage(…): what is written to the local mentions the query root.
    private bool HoldsRootResult(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } declaration)
        {
            return false;
        }

        var semantics = declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(declaration.SyntaxTree);
        var owner = declaration
            .Ancestors()
            .FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            ?? declaration.SyntaxTree.GetRoot(cancellationToken);
        var writes = owner
            .DescendantNodes()
            .OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == local.Name))
            .Select(a => (SyntaxNode)a.Right)
            .Append(declaration.FirstAncestorOrSelf<StatementSyntax>() ?? declaration);
        // The root of a lambda written inside the value (x = await client.QueryAsync(q => …)) is not this query's.
        return writes.Any(w =>
            w.DescendantNodesAndSelf()
                .OfType<IdentifierNameSyntax>()
                .Any(n =>
                    !n.Ancestors().TakeWhile(a => a != w).Any(a => a is AnonymousFunctionExpressionSyntax)
                    && QueryFragments.IsRoot(semantics.GetTypeInfo(n, cancellationToken).Type)
                )
        );
    }

    // Why the call cannot have its arguments read before the request, else null.
    private string? NotHoistable(InvocationExpressionSyntax call, string value)
    {
        var parameter = LambdaShapes.OneParameter(selector)!.Value;
        if (Within(call) && FieldsFrom(call, parameter.Name) && IsFirst(parameter.Body, call))
        {
            return null;
        }

        return $"'{value}' is known only at run time, so it is read before the request is sent by walking the selector to this call; that needs the call to be the first thing the selector evaluates (alone, or the first value of its tuple, anonymous object or record), on a path of fields from '{parameter.Name}' ({parameter.Name}.Data!.Edges!.ImagesWith(…)), not inside a list lambda, a local or a fragment: move it there, or pass a constant";
    }

    private bool Within(SyntaxNode call) => call.SyntaxTree == selector.SyntaxTree && selector.Span.Contains(call.Span);

    // r.Data!.Edges!.ImagesWith(…), r.Data?.Edges?.ImagesWith(…): fields (not lists) read from the selector's parameter.
    private bool FieldsFrom(InvocationExpressionSyntax call, string parameter)
    {
        ExpressionSyntax? receiver = call.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            MemberBindingExpressionSyntax binding => LambdaShapes.ConditionalTarget(binding),
            _ => null,
        };
        while (receiver is not null)
        {
            switch (receiver)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    receiver = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    receiver = bang.Operand;
                    break;
                case MemberAccessExpressionSyntax access when IsObjectField(access):
                    receiver = access.Expression;
                    break;
                case MemberBindingExpressionSyntax binding when IsObjectField(binding):
                    receiver = LambdaShapes.ConditionalTarget(binding);
                    break;
                case IdentifierNameSyntax name:
                    return name.Identifier.ValueText == parameter
                        && model.GetSymbolInfo(name, cancellationToken).Symbol is IParameterSymbol;
                default:
                    return false;
            }
        }

        return false;
    }

    // A schema object's field holding one object (a list's items would each need walking).
    private bool IsObjectField(ExpressionSyntax member) =>
        model.GetSymbolInfo(member, cancellationToken).Symbol is IPropertySymbol property
        && LambdaReader.FieldName(property) is not null
        && property.Type is INamedTypeSymbol { IsGenericType: false, TypeKind: TypeKind.Class };

    // Whether evaluating node starts with call: nothing the selector computes runs before it.
    private static bool IsFirst(SyntaxNode node, InvocationExpressionSyntax call) =>
        node switch
        {
            _ when node == call => true,
            ParenthesizedExpressionSyntax parenthesized => IsFirst(parenthesized.Expression, call),
            PostfixUnaryExpressionSyntax bang => IsFirst(bang.Operand, call),
            CastExpressionSyntax cast => IsFirst(cast.Expression, call),
            MemberAccessExpressionSyntax access => IsFirst(access.Expression, call),
            ConditionalAccessExpressionSyntax access => IsFirst(access.Expression, call) || IsFirstBinding(access, call),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => IsFirst(access.Expression, call),
            ElementAccessExpressionSyntax element => IsFirst(element.Expression, call),
            BinaryExpressionSyntax binary => IsFirst(binary.Left, call),
            TupleExpressionSyntax tuple => IsFirst(tuple.Arguments[0].Expression, call),
            AnonymousObjectCreationExpressionSyntax { Initializers: [var first, ..] } => IsFirst(first.Expression, call),
            BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } => IsFirst(first.Expression, call),
            BaseObjectCreationExpressionSyntax { Initializer.Expressions: [var first, ..] } => IsFirst(
                first is AssignmentExpressionSyntax assignment ? assignment.Right : first,
                call
            ),
            BlockSyntax { Statements: [var first, ..] } => IsFirst(first, call),
            ReturnStatementSyntax { Expression: { } value } => IsFirst(value, call),
            ExpressionStatementSyntax statement => IsFirst(statement.Expression, call),
            LocalDeclarationStatementSyntax { Declaration.Variables: [{ Initializer.Value: var value }, ..] } => IsFirst(value, call),
            _ => false,
        };

    // r.Data?.Edges?.ImagesWith(…): the call sits in the when-not-null part, after only member bindings.
    private static bool IsFirstBinding(ConditionalAccessExpressionSyntax access, InvocationExpressionSyntax call) =>
        access.WhenNotNull == call
        || access.WhenNotNull is ConditionalAccessExpressionSyntax inner && (IsFirst(inner.Expression, call) || IsFirstBinding(inner, call))
        || access.WhenNotNull is MemberAccessExpressionSyntax or InvocationExpressionSyntax && IsFirst(access.WhenNotNull, call);
}
