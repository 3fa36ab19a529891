using Pyxis.Client.Lambdas;

namespace Pyxis.Client.Tests;

/// <summary>
/// Queries written as C# lambdas: translated at build time, sent through the same client, equal to the .graphql path's
/// answers.
/// </summary>
public sealed class LambdaQueryTests : IAsyncLifetime
{
    private EmulatorSession session = null!;

    public async Task InitializeAsync() => session = await EmulatorSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task A_lambda_query_answers_what_the_graphql_operation_answers()
    {
        var seeded = session.Emulator.Catalog.Repositories[4];
        var (registry, path) = ((string)seeded["registry"]!, (string)seeded["repository"]!);

        var lambda = await session.Client.QueryAsync(new { Registry = registry, Path = path }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => new
            {
                r.Data!.Repository,
                r.Data.Published,
                Tags = r.Data.AutoRebuildTags,
            })
        );
        var operation = await session.Client.GetRepositoryByRegistryPathAsync(registry, path);

        Assert.Equal(operation!.Repository, lambda.Repository);
        Assert.Equal(operation.Published, lambda.Published);
        Assert.Equal(operation.AutoRebuildTags!, lambda.Tags!);
    }

    [Fact]
    public async Task An_object_returned_whole_has_its_scalar_fields_even_when_one_is_also_read_by_path()
    {
        var seeded = session.Emulator.Catalog.Repositories[7];
        var (registry, path) = ((string)seeded["registry"]!, (string)seeded["repository"]!);

        var result = await session.Client.QueryAsync((Registry: registry, Path: path), static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => new { r.Data!.Repository, Whole = r.Data })
        );

        Assert.Equal(path, result.Repository);
        Assert.Equal(registry, result.Whole.Registry);
        Assert.Equal((string)seeded["_id"]!, result.Whole.Id);
        Assert.Equal((bool)seeded["published"]!, result.Whole.Published);
    }

    [Fact]
    public async Task Two_root_fields_lists_and_nested_objects_come_back_in_one_request()
    {
        var image = session.Emulator.Catalog.Images[17];
        var nvr = (string)((Dictionary<string, object?>)image["brew"]!)["build"]!;
        var before = session.Emulator.Stats.Requests;

        var result = await session.Client.QueryAsync(new { Nvr = nvr }, static (q, v) => new
            {
                Architectures = q.FindImagesByNvr(v.Nvr, null, 0, 50, null, page => page.Data!.Select(i => i!.Architecture).ToList()),
                Builds = q.FindImagesByNvr(v.Nvr, null, 0, 50, null, page => page.Data!.Select(i => i!.Brew!.Build).ToList()),
                Total = q.FindRepositories(null, 0, 1, null, page => page.Total),
            });

        Assert.Equal([(string)image["architecture"]!], result.Architectures);
        Assert.Equal([nvr], result.Builds);
        Assert.Equal(session.Emulator.Catalog.Repositories.Count, result.Total);
        Assert.Equal(1, session.Emulator.Stats.Requests - before);
    }

    [Fact]
    public async Task The_document_asks_only_what_the_selector_reads_and_values_travel_as_variables()
    {
        var fake = new CapturingClient("""{"f0":{"data":{"repository":"ubi9/ubi"},"error":null}}""");

        var name = await fake.QueryAsync(new { Registry = "registry.access.redhat.com", Path = "ubi9/ubi" }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data!.Repository)
        );

        Assert.Equal("ubi9/ubi", name);
        var request = fake.Request!;
        Assert.EndsWith(
            "($registry__0: String, $repository__0: String) { f0: get_repository_by_registry_path(registry: $registry__0, repository: $repository__0) { data { repository } } }",
            request.Document,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("ubi9", request.Document, StringComparison.Ordinal);
        Assert.Equal(
            """{"registry__0":"registry.access.redhat.com","repository__0":"ubi9/ubi"}""",
            System.Text.Encoding.UTF8.GetString(request.Variables.Span)
        );
    }

    [Fact]
    public async Task A_lambda_that_throws_while_its_arguments_are_written_leaves_nothing_in_the_next_request()
    {
        var fake = new CapturingClient("""{"f0":{"data":{"repository":"a"},"error":null},"f1":{"data":{"repository":"b"},"error":null}}""");
        var failures = 0;
        (string?, string?) result = default;

        // One call site (one recording root): the first run writes root field 0's arguments, then throws in root field 1's.
        foreach (var path in new[] { null, "ubi9/ubi" })
        {
            try
            {
                result = await fake.QueryAsync((Registry: "registry.access.redhat.com", Path: path), static (q, v) =>
                    (
                        q.GetRepositoryByRegistryPath(v.Registry, "first", r => r.Data!.Repository),
                        q.GetRepositoryByRegistryPath(v.Registry, v.Path ?? throw new FormatException("no path"), r => r.Data!.Repository)
                    )
                );
            }
            catch (FormatException)
            {
                failures++;
            }
        }

        Assert.Equal(1, failures);
        Assert.Equal(("a", "b"), result);
        Assert.Equal(
            """{"registry__0":"registry.access.redhat.com","repository__0":"first","registry__1":"registry.access.redhat.com","repository__1":"ubi9/ubi"}""",
            System.Text.Encoding.UTF8.GetString(fake.Request!.Variables.Span)
        );
    }

    [Fact]
    public async Task One_lambda_fans_out_over_many_inputs_in_completion_order_with_every_item_accounted_for()
    {
        List<(string Registry, string Repository)> paths = [.. session.Paths(20), ("quay.io", "no/such")];

        var items = await Pyxis
            .Client.Batching.PyxisBatch.InCompletionOrder(
                paths,
                (path, ct) =>
                    session.Client.QueryAsync(
                        path,
                        static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Repository, r => r.Data?.Id),
                        ct
                    ),
                new Pyxis.Client.Batching.BatchOptions { MaxConcurrency = 8 }
            )
            .ToListAsync();

        Assert.Equal(paths.Count, items.Count);
        Assert.All(items, i => Assert.True(i.Succeeded, i.Exception?.Message));
        var ids = items.ToDictionary(i => i.Input, i => i.Value);
        Assert.Null(ids[("quay.io", "no/such")]);
        Assert.All(paths.Take(20), p =>
            Assert.Equal((string)session.Emulator.Catalog.FindRepository(p.Registry, p.Repository)!["_id"]!, ids[p])
        );
    }

    [Fact]
    public async Task A_union_is_narrowed_with_On_and_types_the_lambda_does_not_name_come_back_as_null()
    {
        var listing = session.Emulator.Catalog.ProductListings[1];
        var id = (string)listing["_id"]!;
        var representations = System
            .Text.Json.JsonDocument.Parse(
                $$"""
                [{"__typename":"ProductListingFederated","_id":"{{id}}"},{"__typename":"PublicProductListingFunctionalInfo","productListingId":"{{id}}"}]
                """
            )
            .RootElement.EnumerateArray()
            .ToList();

        var entities = await session.Client.QueryAsync(representations, static (q, v) =>
            q.Entities(v, e => e.Select(x => new { x!.Typename, x.On<Pyxis.Client.Schema.ProductListingFederated>()?.Name }).ToList())
        );

        var docs = typeof(LambdaQueryTests)
            .Assembly.GetTypes()
            .Where(t => t.Namespace == "Pyxis.Generated.Lambdas" && t.GetField("Document") is not null)
            .Select(t => (string)t.GetField("Document")!.GetValue(null)!)
            .Where(d =>
                d.StartsWith("query LambdaQueryTests_", StringComparison.Ordinal) && d.Contains("_entities", StringComparison.Ordinal)
            );
        Assert.Contains("{ __typename ... on ProductListingFederated { name } }", Assert.Single(docs), StringComparison.Ordinal);
        Assert.Equal(("ProductListingFederated", (string?)listing["name"]), (entities[0].Typename, entities[0].Name));
        Assert.Equal(("PublicProductListingFunctionalInfo", (string?)null), (entities[1].Typename, entities[1].Name));
    }

    [Fact]
    public async Task QueryEachAsync_alias_batches_one_lambda_over_many_inputs()
    {
        List<(string Registry, string Repository)> paths = [.. session.Paths(30), ("quay.io", "no/such")];
        var before = session.Emulator.Stats.Requests;

        var items = await session
            .Client.QueryEachAsync(
                paths,
                static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Repository, r => r.Data?.Id),
                new Pyxis.Client.Batching.BatchOptions { AliasesPerRequest = 25 }
            )
            .ToListAsync();

        Assert.Equal(paths.Count, items.Count);
        Assert.All(items, i => Assert.True(i.Succeeded, i.Exception?.Message));
        var ids = items.ToDictionary(i => i.Input, i => i.Value);
        Assert.Null(ids[("quay.io", "no/such")]);
        Assert.All(paths.Take(30), p =>
            Assert.Equal((string)session.Emulator.Catalog.FindRepository(p.Registry, p.Repository)!["_id"]!, ids[p])
        );
        Assert.Equal(2, session.Emulator.Stats.Requests - before); // 31 lookups, 25 per request
    }

    [Fact]
    public async Task QueryAllAsync_streams_every_page_of_a_paginated_root_field()
    {
        var expected = session
            .Emulator.Catalog.Repositories.Where(r => (bool)r["published"]!)
            .Select(r => (string)r["_id"]!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var before = session.Emulator.Stats.Requests;

        var ids = await session
            .Client.QueryAllAsync(
                new { Published = true },
                static (q, v, page) =>
                    q.FindRepositories(
                        null,
                        page.Index,
                        page.Size,
                        new ContainerRepositoryFilter { Published = new BooleanFilter { Eq = v.Published } },
                        r => r.Data!.Select(x => x!.Id!)
                    ),
                pageSize: 10
            )
            .ToListAsync();

        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
        Assert.Equal((expected.Count + 9) / 10, session.Emulator.Stats.Requests - before); // page 0's total: no empty page asked
    }

    [Fact]
    public async Task A_fragment_method_asks_only_for_the_fields_it_reads()
    {
        var fake = new CapturingClient("""{"f0":{"data":{"repository":"ubi9/ubi","published":true},"error":null}}""");

        var summary = await fake.QueryAsync(new { Registry = "registry.access.redhat.com", Path = "ubi9/ubi" }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => Summary(r.Data!))
        );

        Assert.Equal(("ubi9/ubi", (bool?)true), summary);
        Assert.EndsWith("{ data { published repository } } }", fake.Request!.Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_holds_only_the_selected_fields_and_skips_keys_it_did_not_ask_for()
    {
        // A newer or careless server may send more than was asked: the projection reads what the lambda selected.
        var fake = new CapturingClient(
            """{"f0":{"data":{"_id":"x","registry":"quay.io","repository":"ubi9/ubi","vendor_label":"redhat","auto_rebuild_tags":["latest"]},"error":null}}"""
        );

        // The data object itself is only read through (returned whole, it would bring every scalar field).
        var (name, envelope) = await fake.QueryAsync(new { Registry = "registry.access.redhat.com", Path = "ubi9/ubi" }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => (r.Data!.Repository, r))
        );
        var data = envelope.Data;

        Assert.Equal("ubi9/ubi", name);
        Assert.Equal("ubi9/ubi", data!.Repository);
        // A field the lambda did not select throws rather than reading as null, though the server sent it.
        var unselected = Assert.Throws<PyxisUnselectedFieldException>(() => data.Registry);
        Assert.Equal(("ContainerRepository", "registry"), (unselected.TypeName, unselected.FieldName));
        Assert.Throws<PyxisUnselectedFieldException>(() => data.AutoRebuildTags);

        // One slot for the one selected field, not one per field of ContainerRepository.
        var slots = data.GetType()
            .GetFields(
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
            );
        Assert.Single(slots);
        Assert.True(typeof(Pyxis.Client.Schema.ContainerRepository).GetProperties().Length > 40);
    }

    [Fact]
    public void A_fragment_method_can_be_unit_tested_with_a_subclass_of_the_schema_class() =>
        Assert.Equal(("ubi9/ubi", (bool?)false), Summary(new UnpublishedRepository()));

    private sealed class UnpublishedRepository : Pyxis.Client.Schema.ContainerRepository
    {
        public override string? Repository => "ubi9/ubi";

        public override bool? Published => false;
    }

    [PyxisFragment]
    private static (string? Repository, bool? Published) Summary(Pyxis.Client.Schema.ContainerRepository r) => (r.Repository, r.Published);

    [Fact]
    public async Task A_secret_argument_of_a_lambda_query_is_redacted_in_errors_like_any_secret_variable()
    {
        await using var failing = await EmulatorSession.StartAsync(
            new Pyxis.Emulator.EmulatorOptions { FaultFor = _ => new Pyxis.Emulator.EmulatorFault.GraphQLError("field is broken") }
        );
        using var client = new PyxisClient(
            new PyxisClientOptions
            {
                Endpoint = failing.Emulator.Endpoint,
                Retry = { MaxRetries = 0 },
                SecretVariables = { "repository" },
            }
        );

        var single = await Assert.ThrowsAsync<PyxisGraphQLException>(() =>
            client.QueryAsync(new { Path = "hidden/secret-path" }, static (q, v) =>
                q.GetRepositoryByRegistryPath("r", v.Path, r => r.Data?.Id)
            )
        );
        var batched = Assert
            .Single(
                await client
                    .QueryEachAsync(["hidden/secret-path"], static (q, v) => q.GetRepositoryByRegistryPath("r", v, r => r.Data?.Id))
                    .ToListAsync()
            )
            .Exception;

        Assert.DoesNotContain("secret-path", single.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", batched!.ToString(), StringComparison.Ordinal);
        Assert.Contains("repository__0", single.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_lambda_sends_a_mutation_that_is_never_retried()
    {
        var fake = new CapturingClient("""{"f0":{"data":{"_id":"0123456789abcdef01234567"},"error":null}}""");

        var id = await fake.MutateAsync(new { Input = new ContainerImageInput { Architecture = "arm64" } }, static (m, v) =>
            m.CreateImage(v.Input, r => r.Data!.Id)
        );

        Assert.Equal("0123456789abcdef01234567", id);
        var request = fake.Request!;
        Assert.True(request.IsMutation);
        Assert.StartsWith(
            "mutation LambdaQueryTests_A_mutation_lambda_sends_a_mutation_that_is_never_retried(",
            request.Document,
            StringComparison.Ordinal
        );
        Assert.Contains("f0: create_image(input: $input__0) { data { _id } }", request.Document, StringComparison.Ordinal);
        Assert.Equal("""{"input__0":{"architecture":"arm64"}}""", System.Text.Encoding.UTF8.GetString(request.Variables.Span));
    }

    /// <summary>Answers every request with one canned <c>data</c> object, read by the request's own reader, and keeps the request.</summary>
    private sealed class CapturingClient(string data) : IPyxisClient
    {
        public PyxisRequest? Request { get; private set; }

        public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
        {
            Request = request;
            var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(data));
            reader.Read();
            return Task.FromResult(request.ReadData(ref reader));
        }
    }
}
