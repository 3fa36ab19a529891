using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyxis.Client;
using Pyxis.Client.Transport;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IPyxisClient"/> on <c>IHttpClientFactory</c>.</summary>
public static partial class PyxisServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPyxisClient"/>: options validated at start-up, the primary handler of
    /// <see cref="ClientHandlerFactory.Create"/> (mutual TLS, no redirects, bounded pool, compression), and the same
    /// resilience contract as a plain <see cref="PyxisClient"/>, built from the options (timeouts, retries, breaker),
    /// shared by every client the factory makes. With <see cref="PyxisCacheOptions.Duration"/> set and a
    /// <see cref="HybridCache"/> registered (<c>services.AddHybridCache()</c>), answers are kept there.
    /// Returns the builder for further HTTP configuration.
    /// </summary>
    public static IHttpClientBuilder AddPyxisClient(this IServiceCollection services, Action<PyxisClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services
            .AddOptions<PyxisClientOptions>()
            .Configure(configure)
            .PostConfigure<IServiceProvider>((options, provider) => options.Cache.Store ??= provider.GetService<HybridCache>())
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PyxisClientOptions>, PyxisClientOptionsValidator>());
        services.TryAddSingleton<CertificateLease>();

        return services
            .AddHttpClient<IPyxisClient, PyxisClient>(
                (http, provider) =>
                {
                    http.Timeout = Timeout.InfiniteTimeSpan; // the client's own timeouts apply
                    return new PyxisClient(
                        http,
                        provider.GetRequiredService<IOptions<PyxisClientOptions>>().Value,
                        provider.GetService<ILogger<PyxisClient>>()
                    );
                }
            )
            .ConfigurePrimaryHttpMessageHandler(provider =>
                ClientHandlerFactory.Create(provider.GetRequiredService<CertificateLease>().Options)
            );
    }

    // Handlers rotate, the certificate read from the PEM files stays; the container disposes it with itself.
    private sealed class CertificateLease : IDisposable
    {
        public CertificateLease(IOptions<PyxisClientOptions> options)
        {
            Options = options.Value;
            Options.Runtime.Certificate.Hold();
        }

        public PyxisClientOptions Options { get; }

        public void Dispose() => Options.Runtime.Certificate.Release();
    }

    private sealed class PyxisClientOptionsValidator : IValidateOptions<PyxisClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, PyxisClientOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
