using System;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Parsing;

/// <summary>Turns GraphQL text into an AST, or into a PYX001 diagnostic at the offending line and column.</summary>
internal static class GraphQLDocumentParser
{
    // Locations are what diagnostics point at; comments carry no meaning for us.
    private static readonly ParserOptions Options = new() { Ignore = IgnoreOptions.Comments, MaxDepth = 128 };

    public static GraphQLDocument? Parse(string path, SourceText text, string content, out DiagnosticInfo? error)
    {
        error = null;
        try
        {
            return Parser.Parse(content, Options);
        }
        catch (GraphQLParserException ex)
        {
            error = new DiagnosticInfo(
                DiagnosticCatalog.SyntaxError.Id,
                LocationInfo.FromLineColumn(path, text, ex.Location.Line, ex.Location.Column),
                new[] { ex.Description }.ToEquatableArray()
            );
            return null;
        }
    }

    public static LocationInfo Locate(string path, SourceText text, ASTNode node) =>
        LocationInfo.From(path, text, node.Location.Start, node.Location.End);
}
