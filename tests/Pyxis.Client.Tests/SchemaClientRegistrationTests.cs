using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pyxis.Client.SchemaCheck;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>
/// <c>services.AddPyxisClient&lt;TClient&gt;</c> for a named schema's client, beside the default one: each with its own
/// options and endpoint. <see cref="InternalClient"/> is what the generator writes for <c>Name="Internal"</c>.
/// </summary>
public sealed class SchemaClientRegistrationTests
{
    // The internal Pyxis: the bundled schema plus a field only it has (Freshmaker's parent_brew_build).
    private static readonly string InternalSchema = PyxisSchemaCheck.BundledSchema.Replace(
        "type ContainerImage {\n",
        "type ContainerImage {\n  parent_brew_build: String\n",
        StringComparison.Ordinal
    );

    [Fact]
    public async Task The_default_and_the_named_schemas_client_each_reach_their_own_service()
    {
        await using var publicPyxis = await PyxisEmulator.StartAsync();
        await using var internalPyxis = await PyxisEmulator.StartAsync(new EmulatorOptions { Schema = InternalSchema });
        var services = new ServiceCollection();
        services.AddPyxisClient(o => o.Endpoint = publicPyxis.Endpoint);
        services.AddPyxisClient<InternalClient>(o => o.Endpoint = internalPyxis.Endpoint);
        await using var provider = services.BuildServiceProvider();

        var internalImages = await provider.GetRequiredService<InternalClient>().Client.ExecuteAsync(Ask("parent_brew_build"));
        var publicImages = await provider.GetRequiredService<IPyxisClient>().ExecuteAsync(Ask("architecture"));

        Assert.Equal(JsonValueKind.Null, internalImages.GetProperty("data")[0].GetProperty("parent_brew_build").ValueKind);
        Assert.Equal(JsonValueKind.String, publicImages.GetProperty("data")[0].GetProperty("architecture").ValueKind);
        Assert.Equal((1, 1), (publicPyxis.Stats.Requests, internalPyxis.Stats.Requests));
    }

    [Fact]
    public async Task The_internal_field_is_refused_by_the_public_service()
    {
        await using var publicPyxis = await PyxisEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddPyxisClient(o => o.Endpoint = publicPyxis.Endpoint);
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() =>
            provider.GetRequiredService<IPyxisClient>().ExecuteAsync(Ask("parent_brew_build"))
        );

        Assert.Contains("parent_brew_build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_client_has_its_own_named_options_validated_on_their_own()
    {
        var services = new ServiceCollection();
        services.AddPyxisClient(o => o.Endpoint = new Uri("https://catalog.example.com/graphql/"));
        services.AddPyxisClient<InternalClient>(o => o.Endpoint = new Uri("ftp://internal.example.com/"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<PyxisClientOptions>>();
        Assert.Equal("catalog.example.com", options.CurrentValue.Endpoint.Host);
        Assert.NotNull(provider.GetRequiredService<IPyxisClient>());
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<InternalClient>());
        Assert.Equal("Internal", error.OptionsName);
        Assert.Contains("Endpoint must be an absolute http(s) URI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_health_check_refuses_a_named_schemas_client()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() =>
            services.AddPyxisClient<InternalClient>(o => o.Endpoint = new Uri("https://internal.example.com/")).AddSchemaCheck(_ => { })
        );

        Assert.Contains("InternalClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_schemas_health_check_is_healthy_on_its_service_and_names_what_another_breaks()
    {
        await using var internalPyxis = await PyxisEmulator.StartAsync(new EmulatorOptions { Schema = InternalSchema });
        await using var publicPyxis = await PyxisEmulator.StartAsync();

        var healthy = await InternalHealthAsync(internalPyxis.Endpoint);
        // The same operations against a service without parent_brew_build: the field they need is gone.
        var broken = await InternalHealthAsync(publicPyxis.Endpoint);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Contains("all 1 shipped operations", healthy.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, broken.Status);
        Assert.Contains("Builds (Pyxis/Internal/Builds.graphql:1)", broken.Description, StringComparison.Ordinal);
        Assert.Contains("parent_brew_build", broken.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_schemas_health_check_needs_the_schema_its_operations_were_checked_against()
    {
        var services = new ServiceCollection();
        services
            .AddPyxisClient<InternalClient>(o => o.Endpoint = new Uri("https://internal.example.com/"))
            .AddSchemaCheck<InternalClient>(_ => { });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptionsMonitor<PyxisSchemaHealthCheckOptions>>().Get("Internal")
        );

        Assert.Contains("needs ProjectSchema", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HealthReportEntry> InternalHealthAsync(Uri endpoint)
    {
        const string Builds = "query Builds { find_images(page_size: 1) { data { _id parent_brew_build } } }";
        var services = new ServiceCollection();
        services
            .AddPyxisClient<InternalClient>(o => (o.Endpoint, o.Retry.MaxRetries) = (endpoint, 0))
            .AddSchemaCheck<InternalClient>(o =>
            {
                o.ProjectSchema = InternalSchema;
                o.Operations.Add(new PyxisOperationInfo("Builds", "operation", "query", Builds, "", "Pyxis/Internal/Builds.graphql", 1, 1));
            });
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["pyxis-schema-internal"];
    }

    private static PyxisRequest<JsonElement> Ask(string field) =>
        new(
            "Images",
            "query Images { find_images(page_size: 1) { data { _id " + field + " } } }",
            "{}"u8.ToArray(),
            static (ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader).GetProperty("find_images")
        );

    private sealed class InternalClient(IPyxisClient client) : IPyxisSchemaClient<InternalClient>
    {
        public static string SchemaName => "Internal";

        public IPyxisClient Client { get; } = client;

        public static InternalClient Create(IPyxisClient client) => new(client);
    }
}
