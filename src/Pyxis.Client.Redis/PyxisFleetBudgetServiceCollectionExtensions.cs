using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyxis.Client;
using Pyxis.Client.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the fleet-wide budget of <c>Pyxis.Client.Redis</c> to a client registered with <c>AddPyxisClient</c>.</summary>
public static class PyxisFleetBudgetServiceCollectionExtensions
{
    /// <summary>
    /// Makes every request of the Pyxis client take a lease from the fleet-wide budget before it is sent
    /// (<see cref="PyxisLimitOptions.RequestLimiter"/>), one <see cref="PyxisFleetBudget"/> per container, disposed with it.
    /// It uses the container's <see cref="IConnectionMultiplexer"/> when there is one, else connects to
    /// <see cref="PyxisFleetBudgetOptions.Configuration"/>. Options are validated at start-up.
    /// </summary>
    public static IHttpClientBuilder AddPyxisFleetBudget(this IHttpClientBuilder builder, Action<PyxisFleetBudgetOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<PyxisFleetBudgetOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PyxisFleetBudgetOptions>, Validator>());
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PyxisFleetBudgetOptions>>().Value;
            var logger = provider.GetService<ILogger<PyxisFleetBudget>>();
            return provider.GetService<IConnectionMultiplexer>() is { } redis
                ? new PyxisFleetBudget(redis, options, logger)
                : new PyxisFleetBudget(options, logger);
        });
        services
            .AddOptions<PyxisClientOptions>()
            .PostConfigure<PyxisFleetBudget>((options, budget) => options.Limits.RequestLimiter ??= budget);
        return builder;
    }

    private sealed class Validator : IValidateOptions<PyxisFleetBudgetOptions>
    {
        public ValidateOptionsResult Validate(string? name, PyxisFleetBudgetOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
