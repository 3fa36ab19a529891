using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Which variable stands for which selected value. A variable is known by where it is declared, not by its name: a
/// lambda may reuse an outer name (<c>r => r.Data.Repositories.Select(r => r.Registry)</c>), and sibling scopes
/// reuse names for different values. A tuple or anonymous object kept in a local binds its members too
/// (<c>var t = (D: r.Data, E: r.Error)</c>: <c>t.D</c> stands for <c>data</c>).
/// </summary>
internal sealed partial class SelectorPaths
{
    // Keyed by the variable's declaration (file and position): a lambda inside a generic call is bound several times
    // during inference, so its parameter symbols are not one instance, but they are declared at one place.
    private readonly Dictionary<string, string> bindings = new(System.StringComparer.Ordinal);

    private static string? Key(ISymbol? symbol) =>
        symbol?.Locations.FirstOrDefault() is { IsInSource: true } at ? at.SourceTree!.FilePath + "#" + at.SourceSpan.Start : null;

    private SemanticModel ModelFor(SyntaxNode node) =>
        node.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(node.SyntaxTree);

    /// <summary>From here on the variable <paramref name="declaration"/> declares stands for <paramref name="path"/> (none: null).</summary>
    private void Bind(SyntaxNode declaration, string? path) =>
        Bind(Key(ModelFor(declaration).GetDeclaredSymbol(declaration, cancellationToken)), path);

    private void Bind(string? key, string? path)
    {
        if (key is null)
        {
            return;
        }

        if (path is null)
        {
            bindings.Remove(key);
        }
        else
        {
            bindings[key] = path;
        }
    }

    private string? Bound(IdentifierNameSyntax name) =>
        model.GetSymbolInfo(name, cancellationToken).Symbol is (IParameterSymbol or ILocalSymbol or IRangeVariableSymbol) and var symbol
        && Key(symbol) is { } key
        && bindings.TryGetValue(key, out var path)
            ? path
            : null;

    // var t = (D: r.Data, E: r.Error) / new { D = r.Data }: t.D and t.Item1 stand for data, at any depth of nesting.
    private void BindMembers(string? key, ExpressionSyntax value)
    {
        if (key is null)
        {
            return;
        }

        switch (WholeValues.Unwrapped(value))
        {
            case TupleExpressionSyntax tuple:
                for (var i = 0; i < tuple.Arguments.Count; i++)
                {
                    var element = tuple.Arguments[i];
                    BindMember(key + ".Item" + (i + 1), element.Expression);
                    if ((element.NameColon?.Name.Identifier.ValueText ?? InferredName(element.Expression)) is { } name)
                    {
                        BindMember(key + "." + name, element.Expression);
                    }
                }

                break;
            case AnonymousObjectCreationExpressionSyntax anonymous:
                foreach (var member in anonymous.Initializers)
                {
                    if ((member.NameEquals?.Name.Identifier.ValueText ?? InferredName(member.Expression)) is { } name)
                    {
                        BindMember(key + "." + name, member.Expression);
                    }
                }

                break;
        }
    }

    private void BindMember(string key, ExpressionSyntax value)
    {
        Bind(key, PathOf(value));
        BindMembers(key, value);
    }

    private static string? InferredName(ExpressionSyntax expression) =>
        WholeValues.Unwrapped(expression) switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax conditional => InferredName(conditional.WhenNotNull),
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

    // The key of t.D (a tuple element or an anonymous object's member read from a variable), else null.
    private string? MemberKey(ExpressionSyntax expression)
    {
        switch (WholeValues.Unwrapped(expression))
        {
            case IdentifierNameSyntax name:
                return Key(model.GetSymbolInfo(name, cancellationToken).Symbol);
            case MemberAccessExpressionSyntax access
                when model.GetSymbolInfo(access, cancellationToken).Symbol is { ContainingType: { } owner } member
                    && (owner.IsTupleType || owner.IsAnonymousType):
                return MemberKey(access.Expression) is { } parent ? parent + "." + member.Name : null;
            default:
                return null;
        }
    }

    /// <summary>The path of a value that is always null (<c>(Brew?)null</c>, <c>default</c>): nothing is read through it.</summary>
    private const string NullValue = "\0null";

    private void Ask(string path)
    {
        if (!path.StartsWith(NullValue, System.StringComparison.Ordinal))
        {
            paths.Add(path);
        }
    }

    // The path both sides of ?? or ?: stand for: the one that has one (a null side stands for none), or the same one.
    private string? Either(IEnumerable<ExpressionSyntax> sides)
    {
        var found = sides.Select(PathOf).Where(p => p is not null).Distinct().ToList();
        if (found.Count > 1)
        {
            found.Remove(NullValue);
        }

        return found.Count == 1 ? found[0] : null;
    }
}
