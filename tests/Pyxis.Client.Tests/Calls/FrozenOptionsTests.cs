using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pyxis.Client.Tests.Hostile;

namespace Pyxis.Client.Tests.Calls;

/// <summary>Options are plain data until a client uses them; after that a change is refused, naming the option, never ignored.</summary>
public sealed class FrozenOptionsTests
{
    // Every settable option, at the top and in each group: "Endpoint", "Retry.MaxRetries"…
    public static TheoryData<string> Settable() => [.. SettableNames()];

    [Theory]
    [MemberData(nameof(Settable))]
    public void Every_option_refuses_a_change_once_a_client_uses_it_naming_the_option(string option)
    {
        var options = new PyxisClientOptions { Endpoint = new Uri("http://127.0.0.1:9/graphql") };
        var (owner, property) = Locate(options, option);
        property.SetValue(owner, property.GetValue(owner)); // plain data before use
        using var client = new PyxisClient(options);

        var thrown = Assert.Throws<TargetInvocationException>(() => property.SetValue(owner, property.GetValue(owner)));

        var error = Assert.IsType<InvalidOperationException>(thrown.InnerException);
        Assert.Contains(
            $"PyxisClientOptions.{option} cannot change after a client started using these options",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Every_group_of_options_is_reached_and_has_settable_options()
    {
        var options = SettableNames().ToList();

        Assert.Contains("Endpoint", options);
        foreach (var group in new[] { "Timeouts", "Retry", "Breaker", "Cache", "Limits", "Tls", "Coalescing" })
        {
            Assert.Contains(options, o => o.StartsWith(group + ".", StringComparison.Ordinal));
        }

        Assert.Contains("Breaker.SamplingDuration", options);
        Assert.Contains("Breaker.MinimumThroughput", options);
    }

    private static IEnumerable<string> SettableNames() =>
        Writable(typeof(PyxisClientOptions))
            .Select(p => p.Name)
            .Concat(
                typeof(PyxisClientOptions)
                    .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(g => g.PropertyType.IsSubclassOf(typeof(PyxisOptionGroup)))
                    .SelectMany(g => Writable(g.PropertyType).Select(p => g.Name + "." + p.Name))
            );

    private static IEnumerable<PropertyInfo> Writable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private static (object Owner, PropertyInfo Property) Locate(PyxisClientOptions options, string option)
    {
        var parts = option.Split('.');
        if (parts.Length == 1)
        {
            return (options, typeof(PyxisClientOptions).GetProperty(option)!);
        }

        var group = typeof(PyxisClientOptions).GetProperty(parts[0])!.GetValue(options)!;
        return (group, group.GetType().GetProperty(parts[1])!);
    }

    [Fact]
    public void The_secret_variables_refuse_a_change_once_a_client_uses_them()
    {
        var options = new PyxisClientOptions { SecretVariables = { "token" } };
        using var client = new PyxisClient(options);

        var error = Assert.Throws<InvalidOperationException>(() => options.SecretVariables.Add("password"));

        Assert.Contains("PyxisClientOptions.SecretVariables cannot change", error.Message, StringComparison.Ordinal);
        Assert.Equal(["token"], options.SecretVariables);
    }

    [Fact]
    public async Task Options_registered_with_AddPyxisClient_are_frozen_once_the_client_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddPyxisClient(o => o.Endpoint = new Uri("http://127.0.0.1:9/graphql"));
        await using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IPyxisClient>();

        var options = provider.GetRequiredService<IOptions<PyxisClientOptions>>().Value;

        var error = Assert.Throws<InvalidOperationException>(() => options.Retry.MaxRetries = 7);
        Assert.Contains("PyxisClientOptions.Retry.MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, options.Retry.MaxRetries);
    }

    [Fact]
    public void Options_a_client_refused_stay_plain_data_and_can_be_fixed()
    {
        var options = new PyxisClientOptions { Retry = { MaxRetries = -1 } };

        Assert.Throws<ArgumentException>(() => new PyxisClient(options));
        options.Retry.MaxRetries = 0;

        using var client = new PyxisClient(options);
        Assert.Throws<InvalidOperationException>(() => options.Retry.MaxRetries = 1);
    }

    [Fact]
    public async Task What_was_set_before_the_first_client_is_what_every_call_uses()
    {
        await using var server = await HostileServer.AnsweringAsync(500, "text/plain", "down");
        var options = new PyxisClientOptions { Endpoint = server.Endpoint, Retry = { MaxRetries = 2, Delay = TimeSpan.Zero } };
        using var first = new PyxisClient(options);
        Assert.Throws<InvalidOperationException>(() => options.Retry.MaxRetries = 0);
        using var second = new PyxisClient(options);

        await Assert.ThrowsAsync<PyxisTransportException>(() => first.GetRepositoryByRegistryPathAsync("quay.io", "a"));
        await Assert.ThrowsAsync<PyxisTransportException>(() => second.GetRepositoryByRegistryPathAsync("quay.io", "b"));

        Assert.Equal(6, server.Requests); // three attempts each: the refused change did not half-apply
    }
}
