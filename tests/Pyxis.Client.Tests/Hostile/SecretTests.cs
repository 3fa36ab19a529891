using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pyxis.Client.Batching;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>Nothing secret leaves: not through redirects, not through batch variable names, and server text stays small.</summary>
public sealed class SecretTests
{
    private const string ApiKey = "k-never-elsewhere";

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_to_another_host_is_not_followed_by_the_plain_or_the_DI_client(int status)
    {
        await using var elsewhere = await HostileServer.AnsweringAsync(200, "application/json", "{\"data\":{}}");
        await using var endpoint = await HostileServer.StartAsync(
            (http, _) =>
            {
                http.Response.StatusCode = status;
                http.Response.Headers.Location = elsewhere.Endpoint.ToString();
                return Task.CompletedTask;
            }
        );
        using var plain = new PyxisClient(new PyxisClientOptions { Endpoint = endpoint.Endpoint, ApiKey = ApiKey });
        var services = new ServiceCollection();
        services.AddPyxisClient(o => (o.Endpoint, o.ApiKey) = (endpoint.Endpoint, ApiKey));
        await using var provider = services.BuildServiceProvider();

        foreach (var client in new IPyxisClient[] { plain, provider.GetRequiredService<IPyxisClient>() })
        {
            var error = await Assert.ThrowsAsync<PyxisTransportException>(() =>
                client.GetRepositoryByRegistryPathAsync("quay.io", "private/repo")
            );
            Assert.Equal(status, (int)error.StatusCode!);
            Assert.Contains("redirects are not followed", error.Message, StringComparison.Ordinal);
            Assert.Contains(elsewhere.Endpoint.Authority, error.Message, StringComparison.Ordinal);
            Assert.False(error.IsTransient);
        }

        Assert.Equal(0, elsewhere.Requests);
        Assert.Equal(2, endpoint.Requests);
    }

    [Fact]
    public async Task Secret_variables_stay_hidden_under_their_alias_batch_names_in_messages_and_logs()
    {
        await using var emulator = await PyxisEmulator.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.HttpStatus(500) }
        );
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = new PyxisClientOptions { Endpoint = emulator.Endpoint, Retry = { MaxRetries = 0 } };
        options.SecretVariables.Add("repository");
        using var client = new PyxisClient(options, factory.CreateLogger<PyxisClient>());
        var paths = Enumerable.Range(0, 12).Select(i => ("quay.io", $"hidden-{i}")).ToList();

        var items = await client.GetRepositoriesByRegistryPathAsync(paths, new BatchOptions { AliasesPerRequest = 5 }).ToListAsync();

        Assert.Equal(12, items.Count);
        Assert.All(items, i => Assert.IsType<PyxisTransportException>(i.Exception));
        var everything =
            string.Join("\n", items.Select(i => i.Exception!.ToString() + ((PyxisException)i.Exception!).Variables))
            + string.Join("\n", logs.Lines);
        Assert.Contains("\"repository__4\":\"***\"", everything, StringComparison.Ordinal);
        Assert.Contains("\"registry__4\":\"quay.io\"", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_prints_its_variable_names_not_their_values()
    {
        var request = GetRepositoryByRegistryPathQuery.CreateRequest("quay.io", "hidden/repo");

        Assert.Equal("GetRepositoryByRegistryPath(registry, repository)", request.ToString());
    }

    [Fact]
    public async Task A_50_MB_error_message_becomes_a_message_of_a_few_kilobytes()
    {
        var flood = new string('x', 50 * 1024 * 1024);
        await using var server = await HostileServer.AnsweringAsync(
            200,
            "application/json",
            "{\"errors\":[{\"message\":\"" + flood + "\"}]}"
        );
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = server.Endpoint, Limits = { MaxResponseBytes = 64 * 1024 * 1024 } }
        );

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.InRange(error.Message.Length, 1, 8 * 1024);
        Assert.InRange(Assert.Single(error.Errors).Message.Length, 4096, 4200);
    }

    [Fact]
    public async Task A_hundred_thousand_errors_keep_fifty_and_count_the_rest()
    {
        var body = new StringBuilder("{\"errors\":[");
        for (var i = 0; i < 100_000; i++)
        {
            body.Append(i == 0 ? string.Empty : ",")
                .Append("{\"message\":\"broken ")
                .Append(i)
                .Append("\",\"extensions\":{\"code\":\"E")
                .Append(i)
                .Append("\"}}");
        }

        await using var server = await HostileServer.AnsweringAsync(200, "application/json", body.Append("]}").ToString());
        using var client = new PyxisClient(new PyxisClientOptions { Endpoint = server.Endpoint });

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() => client.GetRepositoryByRegistryPathAsync("quay.io", "ubi"));

        Assert.Equal(50, error.Errors.Count);
        Assert.Equal(100_000, error.TotalErrors);
        Assert.Contains("and 99995 more", error.Message, StringComparison.Ordinal);
        Assert.Equal("E3", error.Errors[3].Extensions!.Value.GetProperty("code").GetString());
        Assert.InRange(error.Message.Length, 1, 2048);
    }
}
