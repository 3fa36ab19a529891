using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Pyxis.Emulator.Schema;

namespace Pyxis.Emulator.Http;

/// <summary>The HTTP side: reads a GraphQL POST, waits the configured latency, injects faults, executes.</summary>
internal sealed class GraphQLEndpoint(GraphQL.Types.Schema schema, EmulatorOptions options, EmulatorStats stats)
{
    private static readonly GraphQLSerializer Serializer = new();
    private readonly DocumentExecuter executer = new();
    private readonly ValidatedDocumentCache documents = new();
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

            var info = new EmulatorRequest(number, request.OperationName, request.Variables ?? new Inputs(new Dictionary<string, object?>()));
            await Task.Delay(LatencyOf(info), http.RequestAborted);
            if (options.AnswerWhen is { } gate)
            {
                await gate(info, http.RequestAborted);
            }

            var fault = options.FaultFor?.Invoke(info);
            if (await TryFailAsync(http, fault))
            {
                return;
            }

            var cached = documents.Find(request.Query);
            var result = await executer.ExecuteAsync(o =>
            {
                o.Schema = schema;
                o.Query = request.Query;
                o.Document = cached;
                o.OperationName = request.OperationName;
                o.Variables = request.Variables;
                o.CancellationToken = http.RequestAborted;
                if (fault is not null)
                {
                    o.UserContext[RootResolvers.FaultKey] = fault;
                }

                if (options.FieldFaultFor is { } fieldFault)
                {
                    o.UserContext[RootResolvers.FieldFaultKey] = fieldFault;
                }
            });
            documents.Remember(request.Query, result);
            http.Response.ContentType = "application/json";
            if (fault is EmulatorFault.SlowBody slow)
            {
                await WriteSlowlyAsync(http, Serializer.Serialize(result), slow.Pause);
                return;
            }

            await Serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
        }
        finally
        {
            stats.End();
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

    private static async Task<bool> TryFailAsync(HttpContext http, EmulatorFault? fault)
    {
        switch (fault)
        {
            case EmulatorFault.HttpStatus status:
                http.Response.StatusCode = status.Code;
                if (status.RetryAfter is { } after)
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await http.Response.WriteAsync("<html>Service unavailable</html>");
                return true;
            case EmulatorFault.MalformedJson:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"data\": {\"get_repository_by_registry_path\": {\"data\": ");
                return true;
            case EmulatorFault.GraphQLError error:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new { errors = new[] { new { message = error.Message } } }));
                return true;
            case EmulatorFault.ConnectionReset:
                http.Abort();
                return true;
            default:
                return false;
        }
    }
}
