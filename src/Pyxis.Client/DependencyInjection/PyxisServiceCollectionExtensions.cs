using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyxis.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IPyxisClient"/> on <c>IHttpClientFactory</c> with the standard resilience pipeline.</summary>
public static class PyxisServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPyxisClient"/>: options validated at start-up, mutual TLS from the options, and
    /// <c>AddStandardResilienceHandler</c> (retries with jitter on 5xx/408/429 honouring <c>Retry-After</c> and on
    /// connection failures, per-attempt and total timeouts, a circuit breaker that opens when half of the attempts
    /// fail). Returns the builder so the
    /// pipeline can be tuned further.
    /// </summary>
    public static IHttpClientBuilder AddPyxisClient(
        this IServiceCollection services,
        Action<PyxisClientOptions> configure,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PyxisClientOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PyxisClientOptions>, PyxisClientOptionsValidator>();

        var builder = services
            .AddHttpClient<IPyxisClient, PyxisClient>((http, provider) =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline and the client's own timeout apply
                return new PyxisClient(http, provider.GetRequiredService<IOptions<PyxisClientOptions>>().Value, provider.GetService<ILogger<PyxisClient>>());
            })
            .ConfigurePrimaryHttpMessageHandler(provider => ClientHandlerFactory.Create(provider.GetRequiredService<IOptions<PyxisClientOptions>>().Value));
        builder.AddStandardResilienceHandler(resilience =>
        {
            resilience.Retry.UseJitter = true;
            resilience.Retry.ShouldRetryAfterHeader = true;

            // A fan-out of hundreds of lookups against a flaky service would trip the standard 10 % breaker on a bad
            // minute and fail whole batches; trip when half the attempts fail instead.
            resilience.CircuitBreaker.FailureRatio = 0.5;
            configureResilience?.Invoke(resilience);
        });
        return builder;
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
