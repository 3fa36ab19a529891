using System.Diagnostics;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Pyxis.Emulator.Catalog;
using Pyxis.Emulator.Schema;

namespace Pyxis.Emulator.Http;

/// <summary>The HTTP side: reads a GraphQL POST, injects faults, executes, and answers once the configured latency has passed.</summary>
internal sealed class GraphQLEndpoint(GraphQL.Types.Schema schema, SeedCatalog catalog, EmulatorOptions options, EmulatorStats stats)
{
    private static readonly GraphQLSerializer Serializer = new();
    private readonly DocumentExecuter executer = new();
    private readonly ValidatedDocumentCache documents = new();
    private readonly ExecutionQueue executions = new(Environment.ProcessorCount);
    private readonly Random jitter = new(options.Seed);

    public async Task HandleAsync(HttpContext http)
    {
        var number = stats.Begin();
        http.Response.Headers["trace_id"] = number.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            if (options.RequiredApiKey is { } key && http.Request.Headers["X-API-KEY"] != key)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await http.Response.WriteAsync("{\"detail\":\"Unauthorized\"}");
                return;
            }

            var request = await Serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            if (request?.Query is null)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsync("{\"errors\":[{\"message\":\"A GraphQL request needs a query.\"}]}");
                return;
            }

            var info = new EmulatorRequest(
                number,
                request.OperationName,
                request.Variables ?? new Inputs(new Dictionary<string, object?>())
            );
            // Latency runs from arrival to answer and the execution happens inside it, as a real server's think
            // time includes its own work; adding it on top made every round of a wide fan-out slower than asked.
            var latency = LatencyOf(info);
            var dueAt = Stopwatch.GetTimestamp() + (long)(latency.TotalSeconds * Stopwatch.Frequency);
            var due = Task.Delay(latency, http.RequestAborted);
            var fault = options.FaultFor?.Invoke(info);
            if (
                fault
                is EmulatorFault.HttpStatus
                    or EmulatorFault.MalformedJson
                    or EmulatorFault.GraphQLError
                    or EmulatorFault.ConnectionReset
            )
            {
                await WaitForAnswerAsync(http, info, due);
                await FailAsync(http, fault);
                return;
            }

            var result = await executions.RunAsync(dueAt, () => ExecuteAsync(request, fault, http.RequestAborted), http.RequestAborted);
            documents.Remember(request.Query, result);
            await WaitForAnswerAsync(http, info, due);
            http.Response.ContentType = "application/json";
            if (fault is EmulatorFault.SlowBody slow)
            {
                await WriteSlowlyAsync(http, Serializer.Serialize(result), slow.Pause);
                return;
            }

            if (fault is EmulatorFault.TruncatedBody)
            {
                await WriteHalfAndResetAsync(http, Serializer.Serialize(result));
                return;
            }

            await Serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
        }
        finally
        {
            stats.End();
        }
    }

    private Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, EmulatorFault? fault, CancellationToken cancellationToken) =>
        executer.ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.Query = request.Query;
            o.Document = documents.Find(request.Query!);
            o.OperationName = request.OperationName;
            o.Variables = request.Variables;
            o.CancellationToken = cancellationToken;
            o.UserContext[RootResolvers.CatalogKey] = catalog;
            if (fault is not null)
            {
                o.UserContext[RootResolvers.FaultKey] = fault;
            }

            if (options.TimeOutOverAliases is not null || options.TimeOutOverPageSize is not null)
            {
                o.UserContext[RootResolvers.LimitsKey] = options;
            }

            if (options.FieldFaultFor is { } fieldFault)
            {
                o.UserContext[RootResolvers.FieldFaultKey] = fieldFault;
            }
        });

    private async Task WaitForAnswerAsync(HttpContext http, EmulatorRequest request, Task due)
    {
        await due;
        if (options.AnswerWhen is { } gate)
        {
            await gate(request, http.RequestAborted);
        }
    }

    private static async Task WriteSlowlyAsync(HttpContext http, string body, TimeSpan pause)
    {
        var half = body.Length / 2;
        await http.Response.WriteAsync(body[..half], http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        await Task.Delay(pause, http.RequestAborted);
        await http.Response.WriteAsync(body[half..], http.RequestAborted);
    }

    // The headers promise the whole answer; the connection drops halfway through it.
    private static async Task WriteHalfAndResetAsync(HttpContext http, string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        http.Abort();
    }

    private TimeSpan LatencyOf(EmulatorRequest request)
    {
        var latency = options.LatencyFor?.Invoke(request) ?? options.Latency;
        if (options.Jitter > TimeSpan.Zero)
        {
            lock (jitter)
            {
                latency += options.Jitter * jitter.NextDouble();
            }
        }

        return latency;
    }

    private static async Task FailAsync(HttpContext http, EmulatorFault fault)
    {
        switch (fault)
        {
            case EmulatorFault.HttpStatus status:
                http.Response.StatusCode = status.Code;
                if (status.RetryAfter is { } after)
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(
                        System.Globalization.CultureInfo.InvariantCulture
                    );
                }

                await http.Response.WriteAsync("<html>Service unavailable</html>");
                return;
            case EmulatorFault.MalformedJson:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"data\": {\"get_repository_by_registry_path\": {\"data\": ");
                return;
            case EmulatorFault.GraphQLError error:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(
                    System.Text.Json.JsonSerializer.Serialize(new { errors = new[] { new { message = error.Message } } })
                );
                return;
            case EmulatorFault.ConnectionReset:
                http.Abort();
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a fault that replaces the answer.");
        }
    }
}
