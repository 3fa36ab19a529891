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

    /// <summary>Variables whose declared type is already reported as wrong: their uses are not checked again.</summary>
    public HashSet<string> UntypedVariables { get; } = new();

    /// <summary>The operation being checked, for messages.</summary>
    public string? OperationName { get; set; }

    /// <summary>True while a fragment is checked on its own: its variables belong to the operations that spread it.</summary>
    public bool FragmentAlone { get; set; }

    /// <summary>Counts the variables inside a value as used, where the value itself is already reported (no cascade).</summary>
    public void MarkUsed(GraphQLValue? value)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                UsedVariables.Add(variable.Name.StringValue);
                break;
            case GraphQLListValue list:
                foreach (var item in list.Values ?? [])
                {
                    MarkUsed(item);
                }

                break;
            case GraphQLObjectValue obj:
                foreach (var field in obj.Fields ?? [])
                {
                    MarkUsed(field.Value);
                }

                break;
        }
    }

    public void MarkUsed(GraphQLDirective directive)
    {
        foreach (var argument in directive.Arguments?.Items ?? [])
        {
            MarkUsed(argument.Value);
        }
    }

    /// <summary>Fragments the current operation spreads, in first-use order: they travel with its document.</summary>
    public List<FragmentRef> UsedFragments { get; } = new();

    /// <summary>Errors so far; warnings (a deprecated field) do not stop an operation from being generated.</summary>
    public int ErrorCount => Diagnostics.Count(d => DiagnosticCatalog.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

    /// <summary>PYX032 at <paramref name="node"/> when the schema deprecates what it names.</summary>
    public void ReportDeprecated(SchemaDocs docs, ASTNode node, string what)
    {
        if (docs.Deprecation is { } reason)
        {
            Report(DiagnosticCatalog.DeprecatedUse, node, what, reason);
        }
    }

    /// <summary>
    /// Where every finding points when the checked tree was built from C# (a lambda query) rather than parsed: it has no
    /// GraphQL text of its own, so its locations are the C# expression's.
    /// </summary>
    public LocationInfo? At { get; init; }

    public void Report(DiagnosticDescriptor descriptor, ASTNode node, params string[] arguments) =>
        Diagnostics.Add(
            new DiagnosticInfo(descriptor.Id, At ?? GraphQLDocumentParser.Locate(Path, Text, node), arguments.ToEquatableArray())
        );

    /// <summary>
    /// Where the document gets a <c>__typename</c> it did not ask for: the opening brace of each abstract-typed selection (path, offset
    /// after the brace).
    /// </summary>
    public HashSet<(string Path, int Offset)> TypenameInsertions { get; } = new();

    public void BeginOperation()
    {
        TypenameInsertions.Clear();
        DeclaredVariables.Clear();
        UsedVariables.Clear();
        UntypedVariables.Clear();
        FragmentAlone = false;
        UsedFragments.Clear();
    }
}
