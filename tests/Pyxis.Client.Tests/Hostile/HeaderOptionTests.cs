using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pyxis.Client.Tests.Hostile;

/// <summary>A header-bound option that would break or inject a header is refused when options are validated, and nothing is sent.</summary>
public sealed class HeaderOptionTests
{
    public static TheoryData<string, string, string> BadValues =>
        new()
        {
            { "ApiKey", "KEY\r\nX-Injected: yes", "a carriage return (CR) at position 3" },
            { "ApiKey", "KEY\nX-Injected: yes", "a line feed (LF) at position 3" },
            { "ApiKey", "KEY\0tail", "a NUL character at position 3" },
            { "ApiKey", "KEY\u001b[31m", "the control character U+001B at position 3" },
            { "ApiKey", "KEYключ", "a non-ASCII character at position 3" },
            { "UserAgent", "agent/1.0\r\nX-Injected: yes", "a carriage return (CR) at position 9" },
            { "UserAgent", "agent/1.0\nX-Injected: yes", "a line feed (LF) at position 9" },
            { "UserAgent", "agent/1.0\0tail", "a NUL character at position 9" },
            { "UserAgent", "agent/1.0\u00e9", "a non-ASCII character at position 9" },
        };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_header_value_is_refused_before_anything_is_sent_by_the_plain_and_the_DI_client(
        string option,
        string value,
        string what
    )
    {
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", Answers.RepositoryLookup());
        var services = new ServiceCollection();
        services.AddPyxisClient(o => Configure(o, server.Endpoint, option, value));
        await using var provider = services.BuildServiceProvider();
        var options = Configure(new PyxisClientOptions(), server.Endpoint, option, value);

        var plain = Assert.Throws<ArgumentException>(() => new PyxisClient(options));
        var injected = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPyxisClient>());

        foreach (var message in new[] { plain.Message, injected.Message, string.Join("\n", options.Problems()) })
        {
            Assert.Contains($"PyxisClientOptions.{option} contains {what}", message, StringComparison.Ordinal);
            Assert.DoesNotContain("X-Injected", message, StringComparison.Ordinal);
            Assert.DoesNotContain(value, message, StringComparison.Ordinal);
        }

        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Printable_ASCII_values_are_sent_as_given()
    {
        await using var server = await HostileServer.AnsweringAsync(200, "application/json", Answers.RepositoryLookup());
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = server.Endpoint,
                ApiKey = "k-123_~!",
                UserAgent = "freshmaker/2.0 (+https://example.org)",
            }
        );

        await client.GetRepositoryByRegistryPathAsync("quay.io", "ubi");

        var seen = Assert.Single(server.Seen);
        Assert.Equal("k-123_~!", seen.Headers["X-API-KEY"]);
        Assert.Equal("freshmaker/2.0 (+https://example.org)", seen.Headers["User-Agent"]);
        Assert.DoesNotContain("X-Injected", seen.Headers.Keys);
    }

    private static PyxisClientOptions Configure(PyxisClientOptions options, Uri endpoint, string option, string value)
    {
        options.Endpoint = endpoint;
        if (option == "ApiKey")
        {
            options.ApiKey = value;
        }
        else
        {
            options.UserAgent = value;
        }

        return options;
    }
}
