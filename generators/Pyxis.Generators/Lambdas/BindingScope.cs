using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// What binding a lambda call site depends on beyond its own syntax: the other files' declarations
/// (<see cref="DeclarationKey"/>), the references and the compilation options. Two runs with equal keys bind an unchanged
/// call site the same way, so it is not read again (<see cref="SiteComparer"/>).
/// </summary>
internal sealed class BindingKey(ulong declarations, ImmutableArray<MetadataReference> references, CompilationOptions options)
    : IEquatable<BindingKey>
{
    private ulong Declarations => declarations;

    private ImmutableArray<MetadataReference> References => references;

    private CompilationOptions Options => options;

    public bool Equals(BindingKey? other) =>
        ReferenceEquals(this, other)
        || other is not null
            && declarations == other.Declarations
            && references.Length == other.References.Length
            && SameReferences(other.References)
            && options.Equals(other.Options);

    public override bool Equals(object? obj) => Equals(obj as BindingKey);

    public override int GetHashCode() => declarations.GetHashCode();

    // A reference is the same when it is the same object: a rebuilt project reference is a new one.
    private bool SameReferences(ImmutableArray<MetadataReference> others)
    {
        for (var i = 0; i < references.Length; i++)
        {
            if (!ReferenceEquals(references[i], others[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The compilation a call site is bound in, held weakly: a cached pipeline entry keeps the scope it was last read in, and
/// must not keep that whole compilation alive after the run.
/// </summary>
internal sealed class BindingScope(Compilation compilation, BindingKey key)
{
    private readonly WeakReference<Compilation> compilation = new(compilation);

    public BindingKey Key { get; } = key;

    /// <summary>The compilation of the run that read this scope; alive for as long as that run.</summary>
    public Compilation Compilation =>
        compilation.TryGetTarget(out var alive)
            ? alive
            : throw new InvalidOperationException("A lambda call site was read after its compilation's generator run.");

    public static BindingScope Of(Compilation compilation, ulong declarations) =>
        new(compilation, new BindingKey(declarations, compilation.References.ToImmutableArray(), compilation.Options));
}

/// <summary>
/// A call site is read again only when its syntax node changed (its file was edited) or its <see cref="BindingKey"/>
/// did; a new compilation alone (another file's method body edited) leaves it cached.
/// </summary>
internal sealed class SiteComparer : IEqualityComparer<(InvocationExpressionSyntax Left, BindingScope Right)>
{
    public static readonly SiteComparer Instance = new();

    public bool Equals((InvocationExpressionSyntax Left, BindingScope Right) x, (InvocationExpressionSyntax Left, BindingScope Right) y) =>
        ReferenceEquals(x.Left, y.Left) && x.Right.Key.Equals(y.Right.Key);

    public int GetHashCode((InvocationExpressionSyntax Left, BindingScope Right) obj) => obj.Left.GetHashCode();
}
