using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using Pyxis.Client;

namespace Pyxis.Generators.Tests.LambdaProperty;

/// <summary>
/// Answers a lambda's request as a GraphQL server holding <paramref name="answer"/> would: each root field gets that
/// answer, cut down to exactly the fields the document asks (a field the server has but was not asked is not sent), and
/// is read by the request's own generated reader. What is asked is the generator's decision under test, so a server
/// that sent more would hide a field it forgot to ask.
/// </summary>
internal sealed class DocumentAnswerer(JsonObject answer) : IPyxisClient
{
    public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
    {
        var operation = Parser.Parse(request.Document).Definitions.OfType<GraphQLOperationDefinition>().Single();
        var data = new JsonObject();
        foreach (var root in operation.SelectionSet.Selections.Cast<GraphQLField>())
        {
            data[(root.Alias?.Name ?? root.Name).StringValue] = Cut(answer, root.SelectionSet!);
        }

        var reader = new Utf8JsonReader(JsonSerializer.SerializeToUtf8Bytes(data));
        reader.Read();
        return Task.FromResult(request.ReadData(ref reader));
    }

    private static JsonNode? Cut(JsonNode? value, GraphQLSelectionSet selection) =>
        value switch
        {
            null => null,
            JsonArray items => new JsonArray(items.Select(i => Cut(i, selection)).ToArray()),
            JsonObject fields => new JsonObject(
                selection
                    .Selections.Cast<GraphQLField>()
                    .Select(f =>
                    {
                        var field = fields[f.Name.StringValue];
                        return KeyValuePair.Create(
                            (f.Alias?.Name ?? f.Name).StringValue,
                            f.SelectionSet is null ? field?.DeepClone() : Cut(field, f.SelectionSet)
                        );
                    })
            ),
            _ => throw new InvalidOperationException("A selection on a leaf: " + value.ToJsonString()),
        };
}
