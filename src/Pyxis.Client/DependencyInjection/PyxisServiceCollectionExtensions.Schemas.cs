using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyxis.Client;
using Pyxis.Client.Transport;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class PyxisServiceCollectionExtensions
{
    /// <summary>
    /// Adds the client of a named schema (the generated <typeparamref name="TClient"/>, e.g. <c>InternalPyxisClient</c>)
    /// beside the default <see cref="IPyxisClient"/>: its own options, named after the schema
    /// (<c>IOptionsMonitor&lt;PyxisClientOptions&gt;.Get("Internal")</c>) and validated at start-up, its own named HTTP
    /// client (the type's name) with the same primary handler and resilience contract as <see cref="AddPyxisClient(IServiceCollection, Action{PyxisClientOptions})"/>.
    /// Inject <typeparamref name="TClient"/> where that schema's operations are called. Returns the builder for further HTTP configuration.
    /// </summary>
    /// <typeparam name="TClient">The generated client of the schema.</typeparam>
    public static IHttpClientBuilder AddPyxisClient<TClient>(this IServiceCollection services, Action<PyxisClientOptions> configure)
        where TClient : class, IPyxisSchemaClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var name = TClient.SchemaName;
        services
            .AddOptions<PyxisClientOptions>(name)
            .Configure(configure)
            .PostConfigure<IServiceProvider>((options, provider) => options.Cache.Store ??= provider.GetService<HybridCache>())
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PyxisClientOptions>, PyxisClientOptionsValidator>());
        services.TryAddSingleton<SchemaCertificateLease<TClient>>();

        return services
            .AddHttpClient<TClient, TClient>(
                (HttpClient http, IServiceProvider provider) =>
                {
                    http.Timeout = Timeout.InfiniteTimeSpan; // the client's own timeouts apply
                    return TClient.Create(
                        new PyxisClient(
                            http,
                            provider.GetRequiredService<IOptionsMonitor<PyxisClientOptions>>().Get(name),
                            provider.GetService<ILogger<PyxisClient>>()
                        )
                    );
                }
            )
            .ConfigurePrimaryHttpMessageHandler(provider =>
                ClientHandlerFactory.Create(provider.GetRequiredService<SchemaCertificateLease<TClient>>().Options)
            );
    }

    // One lease per schema client, as the default client has its own: each holds its options' certificate.
    private sealed class SchemaCertificateLease<TClient> : IDisposable
        where TClient : class, IPyxisSchemaClient<TClient>
    {
        public SchemaCertificateLease(IOptionsMonitor<PyxisClientOptions> options)
        {
            Options = options.Get(TClient.SchemaName);
            Options.Runtime.Certificate.Hold();
        }

        public PyxisClientOptions Options { get; }

        public void Dispose() => Options.Runtime.Certificate.Release();
    }
}
