using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>What the client prints: never an endpoint's user:password@, never a server header's control characters or flood.</summary>
public sealed class PrintedTextTests
{
    private const string Password = "pw-7x7x7x";

    [Fact]
    public void Options_ToString_and_validation_messages_leave_out_the_endpoints_userinfo()
    {
        var options = new PyxisClientOptions { Endpoint = new Uri($"https://svc-user:{Password}@catalog.example.org/graphql/") };
        var wrongScheme = new PyxisClientOptions { Endpoint = new Uri($"ftp://svc-user:{Password}@catalog.example.org/") };

        Assert.Equal("Endpoint=https://catalog.example.org/graphql/", options.ToString().Split(", ")[0]);
        var problem = Assert.Throws<ArgumentException>(wrongScheme.Validate).Message;
        Assert.Contains("'ftp://catalog.example.org/'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, options.ToString() + problem, StringComparison.Ordinal);
        Assert.DoesNotContain("svc-user", options.ToString() + problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_against_an_endpoint_with_userinfo_never_print_it()
    {
        await using var server = await HostileServer.AnsweringAsync(503, "text/html", "<html>down</html>");
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var everything = new StringBuilder();

        foreach (
            var endpoint in new[] { WithUserInfo(server.Endpoint), new Uri($"http://svc-user:{Password}@127.0.0.1:{closedPort}/graphql") }
        )
        {
            using var client = new PyxisClient(
                new PyxisClientOptions { Endpoint = endpoint, Retry = { MaxRetries = 0 } },
                factory.CreateLogger<PyxisClient>()
            );
            var error = await Assert.ThrowsAsync<PyxisTransportException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));
            everything.Append(error).Append('\n');
        }

        everything.AppendJoin('\n', logs.Lines);
        Assert.Contains("HTTP 503", everything.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, everything.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_an_address_with_userinfo_is_named_without_it()
    {
        await using var server = await HostileServer.StartAsync(
            (http, _) =>
            {
                http.Response.StatusCode = 302;
                http.Response.Headers.Location = $"http://svc-user:{Password}@elsewhere.example.org:8443/graphql";
                return Task.CompletedTask;
            }
        );
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.Contains("redirects to http://elsewhere.example.org:8443;", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trace_id_with_escape_sequences_and_a_flood_is_escaped_and_capped_in_messages_and_logs()
    {
        // Kestrel refuses to send control characters in a header, so this server writes its answer by hand.
        var traceId = "t-\u001b[31mred\u001b[0m\u0007" + new string('x', 10_000);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var answered = AnswerOnceAsync(
            listener,
            "HTTP/1.1 500 Internal Server Error\r\ntrace_id: " + traceId + "\r\nContent-Length: 4\r\nConnection: close\r\n\r\ndown"
        );
        var server = new { Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/graphql") };
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { MaxRetries = 0 } },
            factory.CreateLogger<PyxisClient>()
        );

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.StartsWith("t-\\u001B[31mred\\u001B[0m\\u0007xxx", error.TraceId, StringComparison.Ordinal);
        Assert.InRange(error.TraceId!.Length, 200, 260);
        var printed = string.Join("\n", [error.ToString(), .. logs.Lines]);
        Assert.Contains("\\u001B[31mred", printed, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', printed);
        Assert.DoesNotContain('\u0007', printed);
        Assert.DoesNotContain(new string('x', 1000), printed, StringComparison.Ordinal);
        await answered;
    }

    private static async Task AnswerOnceAsync(TcpListener listener, string response)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var connection = await listener.AcceptTcpClientAsync(timeout.Token);
        var stream = connection.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[8192];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            request.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.Latin1.GetBytes(response), timeout.Token);
    }

    private static Uri WithUserInfo(Uri endpoint) => new UriBuilder(endpoint) { UserName = "svc-user", Password = Password }.Uri;
}
