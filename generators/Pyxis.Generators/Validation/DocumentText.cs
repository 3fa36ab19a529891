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
    public static string Build(string content, GraphQLOperationDefinition operation, string fragments, IReadOnlyList<int> insertions)
    {
        var document = new StringBuilder(Slice(content, operation.Location.Start, operation.SelectionSet, insertions));
        return fragments.Length == 0 ? document.ToString() : document.Append('\n').Append(fragments).ToString();
    }

    /// <summary>
    /// The single root field with each <c>$variable</c> renamed <c>$variable__N</c>, so N copies can share one
    /// document under aliases. Null when that is impossible: several root fields, or variables used inside fragments.
    /// </summary>
    public static AliasSpec? AliasTemplate(
        string content,
        GraphQLOperationDefinition operation,
        string fragments,
        IReadOnlyList<int> insertions
    )
    {
        if (operation.SelectionSet.Selections is not [GraphQLField field] || field.SelectionSet is null)
        {
            return null;
        }

        if (Tokens(fragments, 0, fragments.Length).Any(t => t.Kind == TokenKind.DOLLAR))
        {
            return null;
        }

        var text = Patch(content, field.Name.Location.Start, EndOfBlock(content, field.SelectionSet.Location.Start), insertions);
        var template = new StringBuilder();
        var copied = 0;
        foreach (var token in Tokens(text, 0, text.Length).Where(t => t.Kind == TokenKind.DOLLAR))
        {
            var name = Lexer.Lex(text, token.End);
            template
                .Append(text, copied, name.End - copied)
                .Append(Pyxis.Client.Batching.AliasNaming.IndexSeparator)
                .Append(Pyxis.Client.Batching.AliasNaming.IndexMarker);
            copied = name.End;
        }

        template.Append(text, copied, text.Length - copied);
        var variables = (operation.Variables?.Items ?? [])
            .Select(v => new AliasVariable(
                v.Variable.Name.StringValue,
                content
                    .Substring(v.Type.Location.Start, ((ASTNode?)v.DefaultValue ?? v.Type).Location.End - v.Type.Location.Start)
                    .Replace("\r\n", "\n")
            ))
            .ToEquatableArray();
        return new AliasSpec(template.ToString().Replace("\r\n", "\n"), variables, fragments);
    }

    /// <summary>The text of the fragments the operation just checked uses, in first-use order.</summary>
    public static string Fragments(ValidationContext context) =>
        string.Join(
            "\n",
            context.UsedFragments.Select(f =>
                Slice(f.Content, f.Definition.Location.Start, f.Definition.SelectionSet, InsertionsIn(context, f.Path))
            )
        );

    /// <summary>The offsets in one file where the operation just checked needs a <c>__typename</c> added.</summary>
    public static IReadOnlyList<int> InsertionsIn(ValidationContext context, string path) =>
        context.TypenameInsertions.Where(i => i.Path == path).Select(i => i.Offset).OrderBy(o => o).ToList();

    // A definition ends at the brace closing its selection set. GraphQL-Parser's own End runs over a
    // following comment (even past the end of the text), so the brace is found with its lexer.
    private static string Slice(string content, int start, GraphQLSelectionSet selectionSet, IReadOnlyList<int> insertions)
    {
        start = Math.Min(start, content.Length);
        return Patch(content, start, EndOfBlock(content, selectionSet.Location.Start), insertions).Replace("\r\n", "\n");
    }

    // Results of a union or interface are told apart by __typename; the generator asks for it where the user did not.
    private static string Patch(string content, int start, int end, IReadOnlyList<int> insertions)
    {
        var text = new StringBuilder();
        var copied = start;
        foreach (var offset in insertions.Where(o => o > start && o < end))
        {
            text.Append(content, copied, offset - copied).Append(" __typename");
            copied = offset;
        }

        return text.Append(content, copied, Math.Max(end - copied, 0)).ToString();
    }

    private static int EndOfBlock(string content, int openingBrace)
    {
        var depth = 0;
        foreach (var token in Tokens(content, openingBrace, content.Length))
        {
            depth +=
                token.Kind == TokenKind.BRACE_L ? 1
                : token.Kind == TokenKind.BRACE_R ? -1
                : 0;
            if (depth == 0 && token.Kind == TokenKind.BRACE_R)
            {
                return token.End;
            }
        }

        return content.Length;
    }

    private static IEnumerable<Token> Tokens(string content, int start, int end)
    {
        for (var position = start; position < end; )
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
