using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Pyxis.Client.Serialization;

namespace Pyxis.Client.Testing;

/// <summary>
/// An <see cref="IPyxisClient"/> for unit tests, without an HTTP server: each generated operation is answered in one
/// line with the JSON of its <c>data</c>, read by the operation's own generated reader (so envelopes, 404 as null and
/// typed errors behave as against Pyxis). Every request is recorded. For tests against a real server, use the emulator.
/// </summary>
/// <example>
/// <code>
/// var fake = new PyxisFakeClient().AnswerJson(GetRepositoryByRegistryPathQuery.OperationName,
///     v => $$$"""{"get_repository_by_registry_path":{"data":{"repository":"{{{v.GetProperty("repository")}}}"},"error":null}}""");
/// var repo = await fake.GetRepositoryByRegistryPathAsync("quay.io", "ubi9");
/// </code>
/// </example>
public sealed class PyxisFakeClient : IPyxisClient
{
    private readonly ConcurrentDictionary<string, Func<JsonElement, string>> answers = new(StringComparer.Ordinal);

    /// <summary>Every request sent to the fake, in order: the operation name and its variables.</summary>
    public ConcurrentQueue<(string OperationName, JsonElement Variables)> Requests { get; } = new();

    /// <summary>Answers <paramref name="operationName"/> with the JSON of its <c>data</c>, computed from the variables.</summary>
    public PyxisFakeClient AnswerJson(string operationName, Func<JsonElement, string> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationName);
        ArgumentNullException.ThrowIfNull(data);
        answers[operationName] = variables => "{\"data\":" + data(variables) + "}";
        return this;
    }

    /// <summary>Answers <paramref name="operationName"/> with GraphQL <c>errors</c>, as a server that refuses it would.</summary>
    public PyxisFakeClient AnswerErrors(string operationName, params string[] messages)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationName);
        var errors = string.Join(
            ",",
            messages.Select(m => "{\"message\":" + JsonSerializer.Serialize(m, PyxisFakeJson.Default.String) + "}")
        );
        answers[operationName] = _ => "{\"errors\":[" + errors + "]}";
        return this;
    }

    /// <inheritdoc />
    public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var variables = JsonDocument.Parse(request.Variables).RootElement.Clone();
        Requests.Enqueue((request.OperationName, variables));
        if (!answers.TryGetValue(request.OperationName, out var answer))
        {
            throw new InvalidOperationException(
                $"PyxisFakeClient has no answer for '{request.OperationName}'; answered: {(answers.IsEmpty ? "none" : string.Join(", ", answers.Keys.Order(StringComparer.Ordinal)))}. Add one with AnswerJson."
            );
        }

        var body = Encoding.UTF8.GetBytes(answer(variables));
        return Task.FromResult(ResponseReader.Read(request, new Runtime.PyxisCall(request, null), body, out _));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class PyxisFakeJson : System.Text.Json.Serialization.JsonSerializerContext;
