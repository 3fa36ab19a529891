using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>Every way a call can end is one of the SDK's exceptions, with the contract's timeouts and retries.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_silent_server_under_DI_ends_in_a_transport_error_after_the_configured_attempts()
    {
        await using var server = await HostileServer.StartAsync((http, _) => Task.Delay(Timeout.Infinite, http.RequestAborted));
        var attempts = 0;
        var services = new ServiceCollection();
        services
            .AddPyxisClient(o =>
            {
                (o.Endpoint, o.Timeouts.Attempt, o.Timeouts.Total) = (
                    server.Endpoint,
                    TimeSpan.FromMilliseconds(200),
                    TimeSpan.FromSeconds(20)
                );
                (o.Retry.MaxRetries, o.Retry.Delay) = (2, TimeSpan.FromMilliseconds(1));
            })
            .AddHttpMessageHandler(() => new AttemptCounter(() => Interlocked.Increment(ref attempts)));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() =>
            provider.GetRequiredService<IPyxisClient>().GetRepositoryByRegistryPathAsync("quay.io", "ubi")
        );

        Assert.Contains("PyxisClientOptions.Timeouts.Attempt (0.2 s)", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Equal(3, attempts); // counted as sent: a loaded server may not have read every request before it was abandoned
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_budget_fails_at_once_and_says_so()
    {
        await using var server = await HostileServer.StartAsync(
            (http, _) =>
            {
                http.Response.StatusCode = 429;
                http.Response.Headers.RetryAfter = "86400";
                return Task.CompletedTask;
            }
        );
        var services = new ServiceCollection();
        services.AddPyxisClient(o => (o.Endpoint, o.Timeouts.Total) = (server.Endpoint, TimeSpan.FromSeconds(30)));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert
            .ThrowsAsync<PyxisTransportException>(() =>
                provider.GetRequiredService<IPyxisClient>().GetRepositoryByRegistryPathAsync("quay.io", "ubi")
            )
            .WaitAsync(Hang.Limit);

        Assert.Equal(1, server.Requests);
        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
        Assert.Contains("retry after 86400 s, beyond the", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeout_running_out_during_a_server_timeout_wait_is_a_transport_error()
    {
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"data\":{\"get_repository_by_registry_path\":{\"data\":null,\"error\":{\"status\":500,\"detail\":\"unable to fetch data from MongoDB in time\"}}}}"
        );
        // On a fake clock the call's 0.3 s run out exactly during the server-timeout wait, however slow the first answer was.
        var clock = new WatchedClock();
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = server.Endpoint,
                Timeouts = { Total = TimeSpan.FromMilliseconds(300) },
                Retry = { ServerTimeoutDelay = TimeSpan.FromSeconds(30) },
                TimeProvider = clock,
            }
        );

        var call = client.GetRepositoryByRegistryPathAsync("quay.io", "ubi");
        await clock.WaitStartedAsync(due => due == TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() => call.WaitAsync(Hang.Limit));

        Assert.Contains("PyxisClientOptions.Timeouts.Total (0.3 s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task An_HTML_error_page_is_a_transport_error_with_its_status()
    {
        await using var server = await HostileServer.AnsweringAsync(
            500,
            "text/html",
            "<html><body>Internal Server Error {\"errors\":[]}</body></html>"
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(1) } }
        );

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(2, server.Requests);
    }

    [Theory]
    [InlineData("{\"data\":{}}")]
    [InlineData("{\"data\":{\"get_repository_by_registry_path\":null}}")]
    public async Task A_missing_or_null_root_field_without_an_envelope_is_not_not_found(string body)
    {
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", body);
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.Contains("without a Pyxis error envelope", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(true, 3)]
    public async Task A_mutation_is_sent_once_on_a_503_unless_the_caller_allows_retries(bool? allowRetries, int requests)
    {
        await using var server = await HostileServer.AnsweringAsync(503, "text/plain", "busy");
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(1) } }
        );
        var request = new PyxisRequest<JsonElement>(
            "Touch",
            "mutation Touch { update_vendor(id: \"v1\") { error { status } } }",
            "{}"u8.ToArray(),
            static (ref Utf8JsonReader r) => JsonElement.ParseValue(ref r)
        )
        {
            AllowRetries = allowRetries,
        };

        await Assert.ThrowsAsync<PyxisTransportException>(() => client.ExecuteAsync(request));

        Assert.Equal(requests, server.Requests);
    }

    [Fact]
    public async Task Data_with_errors_gives_the_caller_both()
    {
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"errors\":[{\"message\":\"rpm manifest unavailable\",\"path\":[\"get_repository_by_registry_path\",\"data\",\"vendor_label\"],\"extensions\":{\"code\":\"PARTIAL\"}}],"
                + "\"data\":{\"get_repository_by_registry_path\":{\"data\":"
                + Answers.Repository
                + ",\"error\":null}}}"
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        var partial = error.GetPartialData<GetRepositoryByRegistryPathQuery.Data>();
        Assert.Equal("ubi", partial!.GetRepositoryByRegistryPath!.Data!.Repository);
        Assert.Equal("PARTIAL", Assert.Single(error.Errors).Extensions!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_server_timeout_words_inside_the_data_are_not_a_server_timeout()
    {
        var words = Answers.Repository.Replace("\"ubi\"", "\"unable to fetch data from MongoDB in time\"", StringComparison.Ordinal);
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", Answers.RepositoryLookup(words));
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { ServerTimeoutDelay = TimeSpan.FromMilliseconds(1) } }
        );

        var repository = await client.GetRepositoryByRegistryPathAsync("quay.io", "ubi");

        Assert.Equal("unable to fetch data from MongoDB in time", repository!.Repository);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_body_that_breaks_off_after_its_headers_is_retried()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, number) =>
            {
                var body = Answers.RepositoryLookup();
                http.Response.ContentType = "application/json";
                if (number == 1)
                {
                    http.Response.ContentLength = body.Length;
                    await http.Response.WriteAsync(body[..20]);
                    await http.Response.Body.FlushAsync();
                    http.Abort();
                    return;
                }

                await http.Response.WriteAsync(body);
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { Delay = TimeSpan.FromMilliseconds(1) } }
        );

        var repository = await client.GetRepositoryByRegistryPathAsync("quay.io", "ubi");

        Assert.Equal("ubi", repository!.Repository);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_every_time_ends_in_a_typed_error_after_the_retries()
    {
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                var body = Answers.RepositoryLookup();
                http.Response.ContentType = "application/json";
                http.Response.ContentLength = body.Length + 1000;
                await http.Response.WriteAsync(body);
                await http.Response.Body.FlushAsync();
                await Task.Delay(100);
                http.Abort();
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(1) } }
        );

        var error = await Assert.ThrowsAnyAsync<PyxisException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.True(error is PyxisResponseException { Truncated: true } or PyxisTransportException, error.GetType().Name);
        // The reset reaches the client after the headers ("broke off") or, when it comes first, with them: named either way.
        Assert.Matches("the response broke off: |reset by peer|ended prematurely", error.Message);
        Assert.Equal(3, server.Requests);
    }

    [Theory]
    [InlineData(1000, "PyxisClientOptions.Timeouts.Attempt (2 s)")] // one byte a second, forever
    [InlineData(0, "MaxResponseBytes")] // as fast as it can, forever
    public async Task A_chunked_body_that_never_ends_ends_in_a_typed_error_on_the_attempt_clock_or_the_byte_limit(
        int pauseMs,
        string expected
    )
    {
        long sent = 0;
        await using var server = await HostileServer.StartAsync(
            async (http, _) =>
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"data\":", http.RequestAborted);
                var chunk = new byte[pauseMs > 0 ? 1 : 64 * 1024];
                chunk.AsSpan().Fill((byte)' ');
                while (!http.RequestAborted.IsCancellationRequested)
                {
                    await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                    Interlocked.Add(ref sent, chunk.Length);
                    await Task.Delay(pauseMs, http.RequestAborted);
                }
            }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = server.Endpoint,
                // The flood must meet the byte limit, not the clock, however loaded the machine.
                Timeouts = { Attempt = pauseMs > 0 ? TimeSpan.FromSeconds(2) : Hang.Limit / 2, Total = Hang.Limit },
                Retry = { MaxRetries = 0 },
                Limits = { MaxResponseBytes = 1024 * 1024 },
            }
        );
        var error = await Assert.ThrowsAnyAsync<PyxisException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.True(error is PyxisTransportException or PyxisResponseException, error.GetType().Name);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        // Memory stays bounded: the drip is cut off by the attempt's clock, the flood by the byte limit while it still flows.
        Assert.True(pauseMs > 0 || Interlocked.Read(ref sent) >= 512 * 1024, $"{sent} bytes sent");
    }

    private sealed class AttemptCounter(Action count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
