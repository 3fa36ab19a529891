using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// A hash of what one C# file lets other files see: every token except those inside method, constructor and operator
/// bodies and top-level statements, which no other file can bind to. A call site in another file binds the same way as
/// long as no file's key changed, so an edit inside a method body re-reads only the call sites of the edited file.
/// The bodies the lambda reader does read across files stay in: a method with a <c>[Pyxis…]</c> attribute (a fragment
/// method is walked from every selector that calls it). Trivia (whitespace, comments) never counts.
/// </summary>
internal static class DeclarationKey
{
    public static ulong Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var hash = 14695981039346656037UL;
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens(static node => !IsPrivateBody(node)))
        {
            hash = Mix(hash, (char)token.RawKind);
            foreach (var c in token.Text)
            {
                hash = Mix(hash, c);
            }
        }

        return hash;
    }

    /// <summary>Combines the files' keys, in compilation order.</summary>
    public static ulong Combine(System.Collections.Immutable.ImmutableArray<ulong> keys)
    {
        var hash = 14695981039346656037UL;
        foreach (var key in keys)
        {
            hash = unchecked((hash ^ key) * 1099511628211UL);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, char c) => unchecked((hash ^ c) * 1099511628211UL);

    // A top-level statement's locals and local functions are visible to no other file; a method body only through a
    // fragment the reader walks, which is marked by its attribute (an aliased attribute name is not recognised here).
    private static bool IsPrivateBody(SyntaxNode node) =>
        node switch
        {
            GlobalStatementSyntax => true,
            BlockSyntax or ArrowExpressionClauseSyntax => node.Parent is BaseMethodDeclarationSyntax method && !NamesPyxis(method),
            _ => false,
        };

    private static bool NamesPyxis(BaseMethodDeclarationSyntax method)
    {
        foreach (var list in method.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (name.StartsWith("Pyxis", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
