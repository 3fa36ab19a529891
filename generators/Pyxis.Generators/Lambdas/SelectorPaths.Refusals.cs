using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Where a selected schema object goes somewhere the reading is not followed, the build fails at that expression with
/// the construct and a rewrite, rather than the field it reads there being left unasked: deconstruction (PYX120),
/// stored outside the selector (PYX121), passed to a method of the project that is neither a fragment nor a local
/// function (PYX122) or to a delegate (PYX123), a union's <c>Value</c> (PYX124), and a value it cannot trace to a
/// selected field (PYX125: see SelectorPaths.NotFollowed). Library methods cannot read schema
/// fields, so passing an object to one (<c>string.Join</c>, <c>Console.WriteLine</c>) needs nothing.
/// </summary>
internal sealed partial class SelectorPaths
{
    private void Refuse(SyntaxNode node, SyntaxNode body)
    {
        switch (node)
        {
            case RecursivePatternSyntax { PositionalPatternClause: not null } pattern
                when IsSchema(model.GetTypeInfo(pattern, cancellationToken)):
                Report(DiagnosticCatalog.LambdaDeconstructedObject, pattern);
                break;
            case AssignmentExpressionSyntax
            {
                Left: TupleExpressionSyntax or DeclarationExpressionSyntax,
                Right: not TupleExpressionSyntax
            } deconstruction:
                if (WholeValues.IsSurface(TypeOf(deconstruction.Right)))
                {
                    Report(DiagnosticCatalog.LambdaDeconstructedObject, deconstruction);
                }
                else if (IntoObjects(deconstruction.Left))
                {
                    Report(DiagnosticCatalog.LambdaObjectNotFollowed, deconstruction, NotATuple, TupleRewrite);
                }

                break;
            case ForEachVariableStatementSyntax loop:
                if (WholeValues.IsSurface(model.GetForEachStatementInfo(loop).ElementType))
                {
                    Report(DiagnosticCatalog.LambdaDeconstructedObject, loop.Variable);
                }
                else if (IntoObjects(loop.Variable))
                {
                    Report(DiagnosticCatalog.LambdaObjectNotFollowed, loop.Variable, NotATuple, TupleRewrite);
                }

                break;
            case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } store
                when !IsLocalOf(store.Left, body)
                    && store.Parent is not InitializerExpressionSyntax
                    && WholeValues.IsObject(TypeOf(store.Right)):
                Report(DiagnosticCatalog.LambdaStoredObject, store);
                break;
            case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call } argument
                when WholeValues.IsObject(TypeOf(argument.Expression)):
                PassedOn(call, argument);
                break;
            case ArgumentSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax } group
                when UnreadMethodGroup(group.Expression) is { } method:
                // list.Select(Describe): a method group over schema objects is read only when it is a fragment.
                Report(DiagnosticCatalog.LambdaObjectPassedOn, group, method.Name);
                break;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } access
                when TypeOf(access.Expression) is { } union && WholeValues.IsSurface(union) && union.GetMembers("On").Any():
                Report(DiagnosticCatalog.LambdaUnionValue, access, LambdaReader.FieldName(union) ?? union.Name);
                break;
        }
    }

    private const string NotATuple = "deconstructs into schema objects a value that is not a tuple written in place";
    private const string TupleRewrite =
        "deconstruct a tuple written in place (var (d, e) = (r.Data, r.Error)), or put the fields you need in the tuple rather than the objects";

    // var (d, e) = Pair() / foreach (var (a, b) in pairs): whether a variable it declares holds a schema object.
    private bool IntoObjects(ExpressionSyntax variables) =>
        variables
            .DescendantNodesAndSelf()
            .Any(n =>
                n switch
                {
                    SingleVariableDesignationSyntax d => WholeValues.IsObject(
                        (model.GetDeclaredSymbol(d, cancellationToken) as ILocalSymbol)?.Type
                    ),
                    ArgumentSyntax { Expression: not DeclarationExpressionSyntax and not TupleExpressionSyntax } a => WholeValues.IsObject(
                        TypeOf(a.Expression)
                    ),
                    _ => false,
                }
            );

    private void PassedOn(InvocationExpressionSyntax call, ArgumentSyntax argument)
    {
        if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return;
        }

        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            Report(DiagnosticCatalog.LambdaObjectToDelegate, argument);
        }
        else if ((method.ReducedFrom ?? method).DeclaringSyntaxReferences.Any() && !IsFollowedMethod(method.ReducedFrom ?? method))
        {
            Report(DiagnosticCatalog.LambdaObjectPassedOn, argument, method.Name);
        }
    }

    private IMethodSymbol? UnreadMethodGroup(ExpressionSyntax expression)
    {
        var info = model.GetSymbolInfo(expression, cancellationToken);
        return
            (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol method
            && method.DeclaringSyntaxReferences.Any()
            && !IsFollowedMethod(method.ReducedFrom ?? method)
            && method.Parameters.Any(p => WholeValues.IsObject(p.Type))
            ? method
            : null;
    }

    // A local declared inside what is being read (the selector, a fragment's body): assigning it is followed.
    private bool IsLocalOf(ExpressionSyntax target, SyntaxNode body) =>
        target is IdentifierNameSyntax
        && model.GetSymbolInfo(target, cancellationToken).Symbol is ILocalSymbol local
        && local.DeclaringSyntaxReferences.All(r => r.SyntaxTree == body.SyntaxTree && body.FullSpan.Contains(r.Span));

    private ITypeSymbol? TypeOf(ExpressionSyntax expression) => model.GetTypeInfo(expression, cancellationToken).Type;

    private static bool IsSchema(TypeInfo info) => WholeValues.IsSurface(info.Type) || WholeValues.IsSurface(info.ConvertedType);

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode at, params string[] more) =>
        diagnostics.Add(LambdaReader.Report(descriptor, at, new[] { QueryLambdaFlow.Quote(at) }.Concat(more).ToArray()));
}
