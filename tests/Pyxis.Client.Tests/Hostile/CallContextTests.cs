using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pyxis.Client.Batching;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>
/// One immutable call: a request is never written by the layers it passes through; what the answer brings (status, trace
/// id) reaches every exception through the call that received it, the Pyxis envelope included.
/// </summary>
public sealed class CallContextTests
{
    private const string EnvelopeError =
        "{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":500,\"detail\":\"boom\"}}}}";

    [Fact]
    public void No_request_property_can_be_set_after_the_request_is_made()
    {
        var settable = typeof(PyxisRequest<GetRepositoryByRegistryPathQuery.Data>)
            .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => p.Name)
            .ToList();

        Assert.Empty(settable);
    }

    [Fact]
    public async Task A_Pyxis_envelope_error_fails_the_call_itself_with_its_status_trace_id_and_log_line()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, number) =>
            {
                http.Response.ContentType = "application/json";
                http.Response.Headers["trace_id"] = "t-" + number;
                await http.Response.WriteAsync(number == 1 ? EnvelopeError : Answers.RepositoryLookup());
            }
        );
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Warning));
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint }, factory.CreateLogger<PyxisClient>());
        var request = GetRepositoryByRegistryPathQuery.CreateRequest("quay.io", "ubi");

        // Not the generated method: ExecuteAsync alone checks the envelope now, so no caller can miss it.
        var thrown = await Assert.ThrowsAsync<PyxisException>(() => client.ExecuteAsync(request));
        var second = await client.ExecuteAsync(request); // the same request object, sent again, knows nothing of the first

        Assert.Equal((500, 200, "t-1"), (thrown.Status!.Value, thrown.HttpStatus!.Value, thrown.TraceId));
        Assert.Contains("Pyxis error 500: boom (trace_id t-1)", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l =>
            l.Contains("failed (trace_id t-1): ", StringComparison.Ordinal) && l.Contains("boom", StringComparison.Ordinal)
        );
        Assert.Equal("ubi", second.GetRepositoryByRegistryPath!.Data!.Repository);
    }

    [Fact]
    public async Task A_lookups_envelope_error_in_an_alias_batch_carries_the_batch_answers_trace_id()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                http.Response.ContentType = "application/json";
                http.Response.Headers["trace_id"] = "batch-7";
                await http.Response.WriteAsync(
                    "{\"data\":{\"r0\":{\"data\":"
                        + Answers.Repository
                        + ",\"error\":null},\"r1\":{\"data\":null,\"error\":{\"status\":403,\"detail\":\"no\"}}}}"
                );
            }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var items = await client
            .GetRepositoriesByRegistryPathAsync([("quay.io", "ubi"), ("quay.io", "other")], new BatchOptions { AliasesPerRequest = 2 })
            .ToListAsync();

        var failed = Assert.IsType<PyxisException>(items.Single(i => i.Index == 1).Exception);
        Assert.Equal((403, 200, "batch-7"), (failed.Status!.Value, failed.HttpStatus!.Value, failed.TraceId));
        Assert.Contains("\"other\"", failed.Variables, StringComparison.Ordinal); // the lookup's own variables, not the batch's
        Assert.Equal("ubi", items.Single(i => i.Index == 0).Value!.Repository);
    }

    [Fact]
    public async Task An_alias_batch_cut_short_is_read_afresh_on_its_retry()
    {
        var whole =
            "{\"data\":{\"r0\":{\"data\":"
            + Answers.Repository
            + ",\"error\":null},\"r1\":{\"data\":"
            + Answers.Repository
            + ",\"error\":null}}}";
        await using var server = await HostileServer.StartAsync(
            async (http, number) =>
            {
                http.Response.ContentType = "application/json";
                if (number == 1)
                {
                    // r0 arrives whole before the cut: a retry that reused the first read would see r0 twice.
                    var cut = whole.IndexOf("\"r1\"", StringComparison.Ordinal) + 6;
                    http.Response.ContentLength = whole.Length;
                    await http.Response.WriteAsync(whole[..cut]);
                    await http.Response.Body.FlushAsync();
                    http.Abort();
                    return;
                }

                await http.Response.WriteAsync(whole);
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { Delay = TimeSpan.FromMilliseconds(1) } }
        );

        var items = await client
            .GetRepositoriesByRegistryPathAsync([("quay.io", "ubi"), ("quay.io", "ubi")], new BatchOptions { AliasesPerRequest = 2 })
            .ToListAsync();

        Assert.All(items, i => Assert.Null(i.Exception));
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task WithAllowRetries_is_a_copy_that_retries_while_the_original_still_does_not()
    {
        await using var server = await HostileServer.AnsweringAsync(503, "text/plain", "busy");
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(1) } }
        );
        var once = new PyxisRequest<System.Text.Json.JsonElement>(
            "Touch",
            "mutation Touch { update_vendor(id: \"v1\") { error { status } } }",
            "{}"u8.ToArray(),
            static (ref System.Text.Json.Utf8JsonReader r) => System.Text.Json.JsonElement.ParseValue(ref r)
        );
        var repeatable = once.WithAllowRetries(true);

        await Assert.ThrowsAsync<PyxisTransportException>(() => client.ExecuteAsync(repeatable));
        Assert.Equal(3, server.Requests);
        await Assert.ThrowsAsync<PyxisTransportException>(() => client.ExecuteAsync(once));
        Assert.Equal(4, server.Requests);
        Assert.Equal((once.Document, once.ReadData, (bool?)null), (repeatable.Document, repeatable.ReadData, once.AllowRetries));
    }

    [Fact]
    public async Task A_call_that_runs_out_of_time_while_waiting_to_retry_names_the_last_answers_trace_id()
    {
        await using var server = await HostileServer.StartAsync(
            (http, number) =>
            {
                http.Response.StatusCode = 503;
                http.Response.Headers["trace_id"] = "t-" + number;
                return Task.CompletedTask;
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = server.Endpoint,
                Timeouts = { Total = TimeSpan.FromMilliseconds(400) },
                Retry = { Delay = TimeSpan.FromSeconds(30) }, // the first retry wait outlasts the call's whole budget
            }
        );

        var thrown = await Assert.ThrowsAsync<PyxisTransportException>(() =>
            client.GetRepositoryByRegistryPathAsync("quay.io", "ubi").WaitAsync(Hang.Limit)
        );

        Assert.Contains("Timeouts.Total", thrown.Message, StringComparison.Ordinal);
        Assert.Equal("t-1", thrown.TraceId);
        Assert.Contains("(trace_id t-1)", thrown.Message, StringComparison.Ordinal);
    }
}
