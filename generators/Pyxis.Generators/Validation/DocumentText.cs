using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GraphQLParser;
using GraphQLParser.AST;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>The text sent to the server: the operation as written, the fragments it uses, and its alias template.</summary>
internal static class DocumentText
{
    // The wire document is the operation's own text plus the fragments it uses, so what is sent is what was checked.
    public static string Build(string content, GraphQLOperationDefinition operation, string fragments)
    {
        var document = new StringBuilder(Slice(content, operation.Location.Start, operation.SelectionSet));
        return fragments.Length == 0 ? document.ToString() : document.Append('\n').Append(fragments).ToString();
    }

    /// <summary>
    /// The single root field with each <c>$variable</c> renamed <c>$variable__N</c>, so N copies can share one
    /// document under aliases. Null when that is impossible: several root fields, or variables used inside fragments.
    /// </summary>
    public static AliasSpec? AliasTemplate(string content, GraphQLOperationDefinition operation, string fragments)
    {
        if (operation.SelectionSet.Selections is not [GraphQLField field] || field.SelectionSet is null)
        {
            return null;
        }

        if (Tokens(fragments, 0, fragments.Length).Any(t => t.Kind == TokenKind.DOLLAR))
        {
            return null;
        }

        var start = field.Name.Location.Start;
        var end = EndOfBlock(content, field.SelectionSet.Location.Start);
        var template = new StringBuilder();
        var copied = start;
        foreach (var token in Tokens(content, start, end).Where(t => t.Kind == TokenKind.DOLLAR))
        {
            var name = Lexer.Lex(content, token.End);
            template.Append(content, copied, name.End - copied).Append(Pyxis.Client.Batching.AliasNaming.IndexSeparator).Append(Pyxis.Client.Batching.AliasNaming.IndexMarker);
            copied = name.End;
        }

        template.Append(content, copied, end - copied);
        var variables = (operation.Variables?.Items ?? [])
            .Select(v => new AliasVariable(v.Variable.Name.StringValue, content.Substring(v.Type.Location.Start, ((ASTNode?)v.DefaultValue ?? v.Type).Location.End - v.Type.Location.Start).Replace("\r\n", "\n")))
            .ToEquatableArray();
        return new AliasSpec(template.ToString().Replace("\r\n", "\n"), variables, fragments);
    }

    /// <summary>The text of the fragments the operation just checked uses, in first-use order.</summary>
    public static string Fragments(ValidationContext context) =>
        string.Join("\n", context.UsedFragments.Select(f => Slice(f.Content, f.Definition.Location.Start, f.Definition.SelectionSet)));

    // A definition ends at the brace closing its selection set. GraphQL-Parser's own End runs over a
    // following comment (even past the end of the text), so the brace is found with its lexer.
    private static string Slice(string content, int start, GraphQLSelectionSet selectionSet)
    {
        start = Math.Min(start, content.Length);
        var end = EndOfBlock(content, selectionSet.Location.Start);
        return content.Substring(start, Math.Max(end - start, 0)).Replace("\r\n", "\n");
    }

    private static int EndOfBlock(string content, int openingBrace)
    {
        var depth = 0;
        foreach (var token in Tokens(content, openingBrace, content.Length))
        {
            depth += token.Kind == TokenKind.BRACE_L ? 1 : token.Kind == TokenKind.BRACE_R ? -1 : 0;
            if (depth == 0 && token.Kind == TokenKind.BRACE_R)
            {
                return token.End;
            }
        }

        return content.Length;
    }

    private static IEnumerable<Token> Tokens(string content, int start, int end)
    {
        for (var position = start; position < end;)
        {
            var token = Lexer.Lex(content, position);
            if (token.Kind == TokenKind.EOF || token.Start >= end)
            {
                yield break;
            }

            yield return token;
            position = token.End;
        }
    }
}
