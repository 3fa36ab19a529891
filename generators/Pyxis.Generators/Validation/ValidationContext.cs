using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;

namespace Pyxis.Generators.Validation;

/// <summary>What the validation rules share while checking one operation file.</summary>
internal sealed class ValidationContext(string path, SourceText text, SchemaModel schema, FragmentLibrary fragments)
{
    /// <summary>The file being checked; switches to a fragment's own file while that fragment is checked.</summary>
    public string Path { get; set; } = path;

    public SourceText Text { get; set; } = text;

    public SchemaModel Schema { get; } = schema;

    public FragmentLibrary Fragments { get; } = fragments;

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public Dictionary<string, BoundVariable> DeclaredVariables { get; } = new();

    public HashSet<string> UsedVariables { get; } = new();

    /// <summary>Fragments the current operation spreads, in first-use order: they travel with its document.</summary>
    public List<FragmentRef> UsedFragments { get; } = new();

    public int ErrorCount => Diagnostics.Count;

    public void Report(DiagnosticDescriptor descriptor, ASTNode node, params string[] arguments) =>
        Diagnostics.Add(new DiagnosticInfo(descriptor.Id, GraphQLDocumentParser.Locate(Path, Text, node), arguments.ToEquatableArray()));

    public void BeginOperation()
    {
        DeclaredVariables.Clear();
        UsedVariables.Clear();
        UsedFragments.Clear();
    }
}
