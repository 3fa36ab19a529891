using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pyxis.Client;
using Pyxis.Client.SchemaCheck;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Pyxis schema health check.</summary>
public static partial class PyxisSchemaCheckExtensions
{
    /// <summary>
    /// Adds a health check (<paramref name="name"/>, default <c>pyxis-schema</c>) that introspects the live Pyxis through
    /// the registered <see cref="IPyxisClient"/> at most once per <see cref="PyxisSchemaHealthCheckOptions.Interval"/>
    /// and reports Degraded, naming them, when its schema breaks operations the service ships:
    /// <c>services.AddPyxisClient(…).AddSchemaCheck(o => o.Operations.AddRange(PyxisOperationManifest.All))</c>.
    /// </summary>
    public static IHttpClientBuilder AddSchemaCheck(
        this IHttpClientBuilder builder,
        Action<PyxisSchemaHealthCheckOptions> configure,
        string name = "pyxis-schema",
        IEnumerable<string>? tags = null
    )
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        if (builder.Name != typeof(IPyxisClient).Name)
        {
            // The check introspects through the default IPyxisClient; on a named schema's builder it would check the wrong service.
            throw new InvalidOperationException(
                $"AddSchemaCheck checks the default Pyxis client (services.AddPyxisClient(…)); the HTTP client '{builder.Name}' is not it: use AddSchemaCheck<{builder.Name}>(…) for a named schema's client."
            );
        }

        builder.Services.AddOptions<PyxisSchemaHealthCheckOptions>().Configure(configure);
        AddCheck(builder.Services, Options.Options.DefaultName, name, provider => provider.GetRequiredService<IPyxisClient>(), tags);
        return builder;
    }

    // One state per options name, kept for the process: probes between checks read its last result.
    private static void AddCheck(
        IServiceCollection services,
        string optionsName,
        string checkName,
        Func<IServiceProvider, IPyxisClient> client,
        IEnumerable<string>? tags
    )
    {
        services.TryAddKeyedSingleton(optionsName, (provider, _) =>
            new PyxisSchemaHealthCheckState(
                Options.Options.Create(provider.GetRequiredService<IOptionsMonitor<PyxisSchemaHealthCheckOptions>>().Get(optionsName)),
                provider.GetService<TimeProvider>()
            )
        );
        services
            .AddHealthChecks()
            .Add(
                new HealthCheckRegistration(
                    checkName,
                    provider => new PyxisSchemaHealthCheck(
                        client(provider),
                        provider.GetRequiredKeyedService<PyxisSchemaHealthCheckState>(optionsName)
                    ),
                    failureStatus: null,
                    tags
                )
            );
    }
}
