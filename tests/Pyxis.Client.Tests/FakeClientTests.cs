using Pyxis.Client.Testing;

namespace Pyxis.Client.Tests;

/// <summary>The typed fake: one line answers a generated operation, read by its own generated reader.</summary>
public sealed class FakeClientTests
{
    [Fact]
    public async Task A_generated_operation_is_answered_from_one_line_and_recorded()
    {
        var fake = new PyxisFakeClient().AnswerJson(GetRepositoryByRegistryPathQuery.OperationName, v =>
            $$$"""{"get_repository_by_registry_path":{"data":{"_id":"r1","registry":"quay.io","repository":"{{{v.GetProperty("repository").GetString()}}}","published":true},"error":null}}"""
        );

        var repository = await fake.GetRepositoryByRegistryPathAsync("quay.io", "ubi9/ubi");

        Assert.Equal(("ubi9/ubi", true), (repository!.Repository, repository.Published));
        var (operation, variables) = Assert.Single(fake.Requests);
        Assert.Equal(("GetRepositoryByRegistryPath", "quay.io"), (operation, variables.GetProperty("registry").GetString()));
    }

    [Fact]
    public async Task Envelopes_and_errors_behave_as_against_Pyxis()
    {
        var fake = new PyxisFakeClient()
            .AnswerJson(GetRepositoryByRegistryPathQuery.OperationName, _ =>
                """{"get_repository_by_registry_path":{"data":null,"error":{"status":404,"detail":"gone"}}}"""
            )
            .AnswerErrors(FindRepositoriesQuery.OperationName, "filter is broken");

        Assert.Null(await fake.GetRepositoryByRegistryPathAsync("quay.io", "gone"));
        var error = await Assert.ThrowsAsync<PyxisGraphQLException>(() => fake.FindRepositoriesAsync());
        Assert.Equal("filter is broken", Assert.Single(error.Errors).Message);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.FindImagesAsync());
        Assert.Contains("no answer for 'FindImages'", missing.Message, StringComparison.Ordinal);
    }
}
