using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Pyxis.Client.SchemaCheck;

/// <summary>
/// What one operation document uses of a schema, as keys a change can be matched against (<c>Type</c>,
/// <c>Type.field</c>, <c>Type.field(arg:)</c>, <c>Input.field</c>, <c>Enum.VALUE</c>, <c>@directive</c>; <c>in:T</c> for a
/// type the operation may send, <c>out:T</c> for one it reads, <c>on:T</c> for a type condition), and the places where
/// the document does not validate against that schema.
/// </summary>
internal sealed class OperationUsage
{
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    /// <summary>Walks <paramref name="document"/> against <paramref name="schema"/>.</summary>
    public static OperationUsage Of(string document, SchemaModel schema)
    {
        var usage = new OperationUsage();
        GraphQLDocument parsed;
        try
        {
            parsed = Parser.Parse(document);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            usage.Problems.Add("the document does not parse: " + ex.Description);
            return usage;
        }

        new OperationWalker(schema, parsed, document, usage).Walk();
        return usage;
    }
}
