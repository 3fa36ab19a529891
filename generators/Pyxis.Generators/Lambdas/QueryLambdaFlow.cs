using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Where a query lambda's root field results go. The lambda runs once without answers to record its root fields'
/// arguments (each root call then returns a placeholder), so a result may only be carried to the lambda's result
/// (returned, in a tuple, an anonymous object, a record, a local that is carried on, <c>??</c>, <c>?:</c> branches)
/// or read by a later root call's selector, which runs only over the answer. Anything else would run user code on a
/// placeholder (PYX107), or send an argument computed from one (PYX108). The query root itself may only be called
/// or passed to a Query-root <c>[PyxisFragment]</c> method, whose body is read the same way (PYX109): another method
/// it is passed to is not read, so the root fields it calls would not be asked.
/// </summary>
internal sealed class QueryLambdaFlow(
    SemanticModel model,
    SyntaxNode lambda,
    string query,
    List<InvocationExpressionSyntax> roots,
    List<DiagnosticInfo> diagnostics,
    CancellationToken cancellationToken
)
{
    private readonly HashSet<string> carriers = new(System.StringComparer.Ordinal);
    private readonly HashSet<SyntaxNode> seen = new();

    private SyntaxNode Body => Bodies.Of(lambda);

    public void Check()
    {
        foreach (var name in Body.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == query))
        {
            var call = name.Parent switch
            {
                MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invoked } => invoked,
                ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax fragment } => fragment,
                _ => null,
            };
            if (call is null || !roots.Contains(call))
            {
                // At what it is handed to: Helper(q), not just q.
                var use = name.Ancestors().TakeWhile(n => n != lambda).OfType<ExpressionSyntax>().FirstOrDefault() ?? name;
                diagnostics.Add(LambdaReader.Report(DiagnosticCatalog.LambdaRootEscapes, use, Quote(use), query));
            }
        }

        // A root call that may be skipped or repeated is already PYX102, whose rewrite moves it: its result is not
        // followed too, so one mistake is one error.
        var pending = new Queue<(ExpressionSyntax Value, InvocationExpressionSyntax Root)>(
            roots.Where(r => RunsOnce(r, lambda)).Select(r => ((ExpressionSyntax)r, r))
        );
        while (pending.Count > 0)
        {
            var (value, root) = pending.Dequeue();
            cancellationToken.ThrowIfCancellationRequested();
            if (seen.Add(value))
            {
                Follow(value, root, pending);
            }
        }
    }

    // Climbs from a value holding a root's result through what only carries it, to where it is used.
    private void Follow(
        ExpressionSyntax value,
        InvocationExpressionSyntax root,
        Queue<(ExpressionSyntax, InvocationExpressionSyntax)> pending
    )
    {
        SyntaxNode current = value;
        while (current.Parent is { } parent && parent != lambda)
        {
            if (Carries(parent, current))
            {
                current = parent;
                continue;
            }

            if (parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax local })
            {
                Carry(local.Identifier.ValueText, root, pending);
                return;
            }

            if (parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment && assignment.Right == current)
            {
                Carry(target.Identifier.ValueText, root, pending);
                return;
            }

            if (parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax or ExpressionStatementSyntax || InSelector(parent))
            {
                return;
            }

            var field = LambdaReader.CallName(model.GetSymbolInfo(root, cancellationToken).Symbol);
            if (parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax other } && roots.Contains(other))
            {
                var otherField = LambdaReader.CallName(model.GetSymbolInfo(other, cancellationToken).Symbol);
                diagnostics.Add(LambdaReader.Report(DiagnosticCatalog.LambdaArgumentFromAnswer, current, field, otherField));
                return;
            }

            diagnostics.Add(LambdaReader.Report(DiagnosticCatalog.LambdaResultUsedEarly, parent, Quote(parent), field));
            return;
        }
    }

    // A local holding a root's result: each place it is read holds it too.
    private void Carry(string local, InvocationExpressionSyntax root, Queue<(ExpressionSyntax, InvocationExpressionSyntax)> pending)
    {
        carriers.Add(local);
        foreach (var name in Body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var assigned = name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name;
            if (!assigned && name.Identifier.ValueText == local && model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol)
            {
                pending.Enqueue((name, root));
            }
        }
    }

    // Whether parent only passes current's value on (runs no user code on it).
    private bool Carries(SyntaxNode parent, SyntaxNode current) =>
        parent switch
        {
            ParenthesizedExpressionSyntax or TupleExpressionSyntax or AnonymousObjectMemberDeclaratorSyntax => true,
            AnonymousObjectCreationExpressionSyntax or CollectionExpressionSyntax or ExpressionElementSyntax => true,
            InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression } => true,
            ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax => true,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } => true,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } => true,
            ConditionalExpressionSyntax conditional => conditional.Condition != current,
            ArgumentSyntax { Parent: TupleExpressionSyntax } => true,
            ArgumentSyntax { Parent.Parent: BaseObjectCreationExpressionSyntax creation } => IsPlainConstructor(creation),
            ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } => IsPlainConstructor(creation),
            AssignmentExpressionSyntax
            {
                Parent: InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression }
            } assignment => assignment.Right == current && IsAutoProperty(assignment.Left),
            InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression } => true,
            BaseObjectCreationExpressionSyntax creation => IsPlainConstructor(creation),
            _ => false,
        };

    // A record's positional constructor or a class's implicit one only stores what it is given.
    private bool IsPlainConstructor(BaseObjectCreationExpressionSyntax creation) =>
        model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor
        && (
            constructor.IsImplicitlyDeclared
            || constructor.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is RecordDeclarationSyntax)
        );

    private bool IsAutoProperty(ExpressionSyntax member) =>
        model.GetSymbolInfo(member, cancellationToken).Symbol is IPropertySymbol property
        && property.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax(cancellationToken) is ParameterSyntax
            || r.GetSyntax(cancellationToken) is PropertyDeclarationSyntax { AccessorList: { } accessors }
                && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null)
        );

    // A later root's selector runs only over the answer, when every result is real.
    private bool InSelector(SyntaxNode node) =>
        node.AncestorsAndSelf()
            .TakeWhile(n => n != lambda)
            .OfType<ArgumentSyntax>()
            .Any(a =>
                a.Parent?.Parent is InvocationExpressionSyntax call
                && roots.Contains(call)
                && LambdaReader.SelectorArgument(call) == a.Expression
                && LambdaReader.FieldName(model.GetSymbolInfo(call, cancellationToken).Symbol) is not null
            );

    /// <summary>
    /// Whether <paramref name="call"/> runs exactly once whenever the lambda runs: root calls are matched to answers by
    /// the order they run, so nothing may skip or repeat one (a condition, a loop, a nested function, an early return).
    /// What always runs first is not skipped: the condition of <c>?:</c> or <c>if</c>, the left of <c>??</c>,
    /// <c>&amp;&amp;</c>, <c>||</c> and <c>?.</c>, what a <c>switch</c> or <c>foreach</c> goes over.
    /// </summary>
    public static bool RunsOnce(SyntaxNode call, SyntaxNode lambda)
    {
        for (var node = call; node.Parent is { } parent && parent != lambda; node = parent)
        {
            if (MaySkipOrRepeat(parent, node))
            {
                return false;
            }

            if (parent is BlockSyntax block && block.Statements.TakeWhile(s => s != node).Any(MayLeave))
            {
                return false;
            }
        }

        return true;
    }

    // Whether parent may run its part node other than once.
    private static bool MaySkipOrRepeat(SyntaxNode parent, SyntaxNode node) =>
        parent switch
        {
            ConditionalExpressionSyntax conditional => conditional.Condition != node,
            BinaryExpressionSyntax
            {
                RawKind: (int)SyntaxKind.CoalesceExpression or (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression
            } binary => binary.Right == node,
            ConditionalAccessExpressionSyntax access => access.WhenNotNull == node,
            SwitchExpressionSyntax switchExpression => switchExpression.GoverningExpression != node,
            SwitchStatementSyntax switchStatement => switchStatement.Expression != node,
            IfStatementSyntax ifStatement => ifStatement.Condition != node,
            CommonForEachStatementSyntax loop => loop.Expression != node,
            ForStatementSyntax loop => !loop.Initializers.Contains(node) && loop.Declaration != node,
            AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax => true,
            WhileStatementSyntax or DoStatementSyntax or CatchClauseSyntax => true,
            _ => false,
        };

    // A statement that may end the lambda or jump past what follows it (nested functions aside).
    private static bool MayLeave(StatementSyntax statement) =>
        statement
            .DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .Any(n =>
                n is ReturnStatementSyntax or GotoStatementSyntax or YieldStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax
            );

    // A message quotes the expression on one line, without its comments, and short enough to read in build output.
    internal static string Quote(SyntaxNode node)
    {
        var text = node.ReplaceTrivia(node.DescendantTrivia(), static (_, _) => SyntaxFactory.Space).ToString();
        text = Regex.Replace(text, @"\s+", " ").Trim();
        return text.Length <= 100 ? text : text.Substring(0, 99) + "…";
    }
}
