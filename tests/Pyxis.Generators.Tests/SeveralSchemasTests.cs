using Microsoft.CodeAnalysis;
using Pyxis.Generators.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Pyxis.Generators.Tests;

/// <summary>
/// Several schemas in one project: a named schema's operations are checked against it alone and get its own namespace,
/// client type and shared types; the default schema's pipeline is what it was.
/// </summary>
public sealed class SeveralSchemasTests
{
    private const string InternalOperation = """
        query InternalRepository($registry: String!, $filter: RepositoryFilter) {
          get_repository(registry: $registry) { data { registry parent_brew_build } error { status detail } }
          find_repositories(filter: $filter) { data { repository } error { status detail } }
        }
        """;

    private const string PublicOperation = """
        query PublicRepository($registry: String!, $filter: RepositoryFilter) {
          get_repository(registry: $registry) { data { registry } error { status detail } }
          find_repositories(filter: $filter) { data { repository } error { status detail } }
        }
        """;

    private const string Calls = """
        using System.Threading.Tasks;
        using Pyxis.Client;
        using Pyxis.Tests.Generated;
        using Pyxis.Tests.Generated.Internal;

        public static class Calls
        {
            public static async Task<string?> Internal(InternalPyxisClient client)
            {
                var data = await client.InternalRepositoryAsync("r", new Pyxis.Tests.Generated.Internal.RepositoryFilter());
                return data.GetRepository?.Data?.ParentBrewBuild;
            }

            public static async Task<string?> Public(IPyxisClient client)
            {
                var data = await client.PublicRepositoryAsync("r", new Pyxis.Tests.Generated.RepositoryFilter());
                return data.GetRepository?.Data?.Registry;
            }
        }
        """;

    [Fact]
    public void Parent_brew_build_compiles_in_an_internal_operation_and_is_PYX005_in_a_public_one()
    {
        var output = TwoSchemas.Run(
            Calls,
            TwoSchemas.Schema(),
            ("/project/Pyxis/Internal/Builds.graphql", InternalOperation),
            ("/project/Pyxis/Public.graphql", PublicOperation.Replace("data { registry }", "data { registry parent_brew_build }"))
        );

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX005", diagnostic.Id);
        Assert.Equal("/project/Pyxis/Public.graphql", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("parent_brew_build", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("schema 'Internal'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(output.CompileDiagnostics);
    }

    [Fact]
    public void A_named_schemas_error_names_the_schema()
    {
        var output = TwoSchemas.Run(
            null,
            TwoSchemas.Schema(),
            ("/project/Pyxis/Internal/Builds.graphql", "query Builds { get_repository(registry: \"r\") { data { parent_build } } }")
        );

        var diagnostic = output.Single("PYX005");
        Assert.EndsWith("(schema 'Internal')", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("parent_brew_build", diagnostic.GetMessage(), StringComparison.Ordinal); // the did-you-mean of its own schema
    }

    [Fact]
    public void Each_schema_gets_its_own_namespace_client_type_and_input_types_that_do_not_collide()
    {
        var output = TwoSchemas.Run(
            Calls,
            TwoSchemas.Schema(),
            ("/project/Pyxis/Internal/Builds.graphql", InternalOperation),
            ("/project/Pyxis/Public.graphql", PublicOperation)
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.Contains(
            "namespace Pyxis.Tests.Generated.Internal",
            output.Source("Internal/InternalPyxisClient"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "namespace Pyxis.Tests.Generated.Internal",
            output.Source("Internal/Inputs/RepositoryFilter"),
            StringComparison.Ordinal
        );
        Assert.Contains("namespace Pyxis.Tests.Generated\n", output.Source("Inputs/RepositoryFilter"), StringComparison.Ordinal);
        Assert.Contains(
            "this global::Pyxis.Tests.Generated.Internal.InternalPyxisClient client",
            output.JoinedSource("InternalRepositoryQuery"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_paginated_operation_of_a_named_schema_streams_its_pages_through_that_schemas_client()
    {
        const string paged = """
            query InternalPages($page: Int, $size: Int) {
              find_repositories(page: $page, page_size: $size) { data { repository } total error { status detail } }
            }
            """;
        const string calls = """
            using System.Collections.Generic;
            using Pyxis.Tests.Generated.Internal;

            public static class Pages
            {
                public static IAsyncEnumerable<object?> All(InternalPyxisClient client) =>
                    client.InternalPagesAllAsync(size: 50);
            }
            """;
        var output = TwoSchemas.Run(calls, TwoSchemas.Schema(), ("/project/Pyxis/Internal/Pages.graphql", paged));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        // Each page goes through the client the stream hands it (one that asks smaller at once while the page can shrink).
        Assert.Contains(
            "(global::Pyxis.Tests.Generated.Internal.InternalPyxisClient pageClient, global::Pyxis.Client.Lambdas.PyxisPage pageAt",
            output.JoinedSource("InternalPagesQuery"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_internal_operation_cannot_be_sent_through_the_default_client_nor_a_public_one_through_the_internal_client()
    {
        const string wrong = """
            using System.Threading.Tasks;
            using Pyxis.Client;
            using Pyxis.Tests.Generated;
            using Pyxis.Tests.Generated.Internal;

            public static class Wrong
            {
                public static Task A(IPyxisClient client) => client.InternalRepositoryAsync("r");
                public static Task B(InternalPyxisClient client) => client.PublicRepositoryAsync("r");
            }
            """;
        var output = TwoSchemas.Run(
            wrong,
            TwoSchemas.Schema(),
            ("/project/Pyxis/Internal/Builds.graphql", InternalOperation),
            ("/project/Pyxis/Public.graphql", PublicOperation)
        );

        Assert.Empty(output.Diagnostics);
        Assert.Equal(["CS1929", "CS1929"], output.CompileDiagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void A_lambda_query_on_a_named_schemas_client_does_not_compile_and_is_not_translated()
    {
        const string lambda = """
            using System.Threading.Tasks;
            using Pyxis.Client;
            using Pyxis.Client.Lambdas;
            using Pyxis.Tests.Generated.Internal;

            public static class Lambdas
            {
                public static async Task Run(InternalPyxisClient client) =>
                    _ = await client.QueryAsync(new { Registry = "r", Path = "p" }, static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Id));
            }
            """;
        var output = TwoSchemas.Run(lambda, TwoSchemas.Schema(), ("/project/Pyxis/Internal/Builds.graphql", InternalOperation));

        Assert.Empty(output.Diagnostics);
        Assert.Equal("CS1929", Assert.Single(output.CompileDiagnostics).Id);
        Assert.DoesNotContain(output.Sources, s => s.HintName.StartsWith("Lambdas/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_internal_client_and_operation_are_the_reviewed_code()
    {
        var output = TwoSchemas.Run(null, TwoSchemas.Schema(), ("/project/Pyxis/Internal/Builds.graphql", InternalOperation));

        Assert.Empty(output.Diagnostics);
        Snapshot.Match(output.Source("Internal/InternalPyxisClient") + "\n" + output.Source("InternalRepositoryQuery"));
    }

    [Fact]
    public void A_Schema_on_the_item_wins_over_the_folder_and_an_unknown_one_is_PYX034_with_a_suggestion()
    {
        var metadata = TwoSchemas.Schema();
        metadata["/project/Other/Builds.graphql"] = new Dictionary<string, string> { ["PyxisSchemaName"] = "Internal" };
        metadata["/project/Other/Typo.graphql"] = new Dictionary<string, string> { ["PyxisSchemaName"] = "Interal" };
        var output = TwoSchemas.Run(
            null,
            metadata,
            ("/project/Other/Builds.graphql", InternalOperation),
            ("/project/Other/Typo.graphql", "query Typo { count(kind: CONTAINER) }")
        );

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX034", diagnostic.Id);
        Assert.Equal("/project/Other/Typo.graphql", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("schema 'Interal'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Internal'?", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(
            "this global::Pyxis.Tests.Generated.Internal.InternalPyxisClient client",
            output.JoinedSource("InternalRepositoryQuery"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_file_in_two_schemas_folder_is_PYX035_naming_both_and_two_schemas_of_one_name_are_PYX026()
    {
        var metadata = TwoSchemas.Schema();
        foreach (var (path, value) in TwoSchemas.Schema("/project/schemas/staging.graphql", "Staging"))
        {
            metadata[path] = value;
        }

        foreach (var (path, value) in TwoSchemas.Schema("/project/schemas/internal2.graphql", "Internal", "Elsewhere"))
        {
            metadata[path] = value;
        }

        var output = TwoSchemas.Run(
            null,
            metadata,
            ("/project/schemas/staging.graphql", TestSchema.Text),
            ("/project/schemas/internal2.graphql", TestSchema.Text),
            ("/project/Pyxis/Internal/Builds.graphql", InternalOperation)
        );

        Assert.Equal(["PYX026", "PYX035"], output.Diagnostics.Select(d => d.Id).Order());
        var twoFolders = output.Single("PYX035");
        Assert.Contains("schema 'Internal' and schema 'Staging'", twoFolders.GetMessage(), StringComparison.Ordinal);
        var twoNames = output.Single("PYX026");
        Assert.Contains("schema 'Internal'", twoNames.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("/project/schemas/internal2.graphql", twoNames.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_name_that_is_not_a_CSharp_name_is_PYX036()
    {
        var output = TwoSchemas.Run(null, TwoSchemas.Schema(name: "internal-api", folder: "Pyxis/Internal"));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX036", diagnostic.Id);
        Assert.Contains("'internal-api'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fragment_of_one_schema_cannot_be_spread_in_another()
    {
        var output = TwoSchemas.Run(
            null,
            TwoSchemas.Schema(),
            (
                "/project/Pyxis/Internal/Fragments.graphql",
                "fragment Build on Repository { parent_brew_build }\nquery UsesIt { get_repository(registry: \"r\") { data { ...Build } } }"
            ),
            ("/project/Pyxis/Public.graphql", "query Public { get_repository(registry: \"r\") { data { ...Build } } }")
        );

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("PYX017", diagnostic.Id);
        Assert.Equal("/project/Pyxis/Public.graphql", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("namespace Pyxis.Tests.Generated.Internal", output.Source("Internal/Fragments/IBuild"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_records_each_operations_schema()
    {
        var output = TwoSchemas.Run(
            null,
            TwoSchemas.Schema(),
            ("/project/Pyxis/Internal/Builds.graphql", InternalOperation),
            ("/project/Pyxis/Public.graphql", PublicOperation)
        );

        var json = System.Text.Json.JsonDocument.Parse(ManifestTask.Join(output));
        var schemas = json
            .RootElement.GetProperty("operations")
            .EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("schema").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["InternalRepository"] = "Internal", ["PublicRepository"] = "Pyxis" }, schemas);
        Assert.Contains("{ Schema = \"Internal\" }", output.Source("InternalRepository"), StringComparison.Ordinal);
    }
}
