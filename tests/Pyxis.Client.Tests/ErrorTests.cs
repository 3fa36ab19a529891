using Pyxis.Client.Lambdas;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>Each way a call can fail maps to one exception type that names the operation and its variables.</summary>
public sealed class ErrorTests
{
    private const string Registry = "registry.access.redhat.com";

    [Fact]
    public async Task A_root_field_the_emulator_does_not_answer_is_a_GraphQL_error_that_says_so_not_a_silent_null()
    {
        await using var session = await EmulatorSession.StartAsync();
        var request = new PyxisRequest<System.Text.Json.JsonElement>(
            "Vendor",
            "query Vendor($id: ObjectIDFilterScalar!) { get_vendor(id: $id) { data { _id } error { status } } }",
            "{\"id\":\"x\"}"u8.ToArray(),
            static (ref System.Text.Json.Utf8JsonReader reader) => System.Text.Json.JsonElement.ParseValue(ref reader)
        );

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() => session.Client.ExecuteAsync(request));

        Assert.Contains("does not implement Query.get_vendor", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_the_emulator_does_not_answer_is_a_GraphQL_error_that_says_so()
    {
        await using var session = await EmulatorSession.StartAsync();

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() =>
            session.Client.MutateAsync(new { Id = "0123456789abcdef01234567" }, static (m, v) =>
                m.UpdateImage(v.Id, new ContainerImageInput { Architecture = "arm64" }, r => r.Data?.Id)
            )
        );

        Assert.Contains(
            "does not implement Mutation.update_image; it answers create_image",
            Assert.Single(error.Errors).Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task GraphQL_errors_become_PyxisGraphQLException()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.GraphQLError("field is broken") }
        );

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() =>
            session.Client.GetRepositoryByRegistryPathAsync(Registry, "ubi8/ubi")
        );

        Assert.Equal("field is broken", Assert.Single(error.Errors).Message);
        AssertNamesTheRequest(error, "ubi8/ubi");
    }

    [Fact]
    public async Task A_Pyxis_error_envelope_becomes_PyxisException_with_status_and_detail()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.PyxisError(500, "unable to fetch data from MongoDB in time") }
        );

        var error = await Assert.ThrowsAsync<PyxisException>(() => session.Client.GetRepositoryByRegistryPathAsync(Registry, "ubi8/ubi"));
        var pageError = await Assert.ThrowsAsync<PyxisException>(() => session.Client.FindImagesByNvrAsync("x-1-1"));

        Assert.Equal((500, "unable to fetch data from MongoDB in time"), (error.Status, error.Detail));
        Assert.Equal(500, pageError.Status);
        AssertNamesTheRequest(error, "ubi8/ubi");
        Assert.Contains("FindImagesByNvr", pageError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HTTP_failures_become_PyxisTransportException_with_the_status()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.HttpStatus(502) }
        );

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() =>
            session.Client.GetRepositoryByRegistryPathAsync(Registry, "ubi8/ubi")
        );

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.StatusCode);
        AssertNamesTheRequest(error, "ubi8/ubi");
    }

    [Fact]
    public async Task A_reset_connection_becomes_PyxisTransportException()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.ConnectionReset() }
        );

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() =>
            session.Client.GetRepositoryByRegistryPathAsync(Registry, "ubi8/ubi")
        );

        Assert.Null(error.StatusCode);
        AssertNamesTheRequest(error, "ubi8/ubi");
    }

    [Fact]
    public async Task Malformed_JSON_becomes_PyxisResponseException_that_says_so()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.MalformedJson() }
        );

        var error = await Assert.ThrowsAsync<PyxisResponseException>(() =>
            session.Client.GetRepositoryByRegistryPathAsync(Registry, "ubi8/ubi")
        );

        Assert.Contains("the response ended before its JSON did", error.Message, StringComparison.Ordinal);
        AssertNamesTheRequest(error, "ubi8/ubi");
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_becomes_PyxisTransportException()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { Latency = TimeSpan.FromSeconds(10) },
            timeout: TimeSpan.FromMilliseconds(200)
        );

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() =>
            session.Client.GetRepositoryByRegistryPathAsync(Registry, "ubi8/ubi")
        );

        Assert.Contains("no answer within PyxisClientOptions.Timeouts.Total (0.2 s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_the_server_rejects_reports_the_servers_message_and_location()
    {
        await using var session = await EmulatorSession.StartAsync();
        var request = new PyxisRequest<int>(
            "Broken",
            "query Broken { no_such_field }",
            "{}"u8.ToArray(),
            (ref System.Text.Json.Utf8JsonReader _) => 0
        );

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() => session.Client.ExecuteAsync(request));

        var graphQLError = Assert.Single(error.Errors);
        Assert.Contains("no_such_field", graphQLError.Message, StringComparison.Ordinal);
        Assert.Equal((1, 16), Assert.Single(graphQLError.Locations));
    }

    [Fact]
    public async Task A_slow_body_is_still_read_whole()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.SlowBody(TimeSpan.FromMilliseconds(300)) }
        );

        Assert.Equal("rhel8/ubi", (await session.Client.GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi"))!.Repository);
    }

    [Fact]
    public async Task A_body_slower_than_the_timeout_becomes_PyxisTransportException()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = _ => new EmulatorFault.SlowBody(TimeSpan.FromSeconds(10)) },
            timeout: TimeSpan.FromMilliseconds(300)
        );

        await Assert.ThrowsAsync<PyxisTransportException>(() => session.Client.GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi"));
    }

    [Fact]
    public async Task The_API_key_travels_as_the_X_API_KEY_header()
    {
        await using var emulator = await PyxisEmulator.StartAsync(new EmulatorOptions { RequiredApiKey = "k-123" });
        using var withKey = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint, ApiKey = "k-123" });
        using var without = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint });

        Assert.NotNull(await withKey.GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi"));
        var error = await Assert.ThrowsAsync<PyxisTransportException>(() =>
            without.GetRepositoryByRegistryPathAsync("quay.io", "rhel8/ubi")
        );
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task A_closed_port_becomes_PyxisTransportException()
    {
        using var client = new PyxisClient(
            new PyxisClientOptions { Endpoint = new Uri("http://127.0.0.1:9/graphql"), Retry = { Delay = TimeSpan.FromMilliseconds(5) } }
        );

        var error = await Assert.ThrowsAsync<PyxisTransportException>(() => client.GetRepositoryByRegistryPathAsync(Registry, "ubi8/ubi"));

        AssertNamesTheRequest(error, "ubi8/ubi");
    }

    [Fact]
    public void Invalid_options_fail_at_construction_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new PyxisClient(new PyxisClientOptions { Endpoint = new Uri("ftp://example.com/") })
        );

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
    }

    private static void AssertNamesTheRequest(PyxisException error, string repository)
    {
        Assert.Equal(GetRepositoryByRegistryPathQuery.OperationName, error.OperationName);
        Assert.Contains(error.OperationName, error.Message, StringComparison.Ordinal);
        Assert.Contains(repository, error.Variables, StringComparison.Ordinal);
        Assert.Contains(repository, error.Message, StringComparison.Ordinal);
    }
}
