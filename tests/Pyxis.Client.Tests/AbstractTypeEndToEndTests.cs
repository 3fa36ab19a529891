using System.Text.Json;
using Pyxis.Client.Tests.Operations;

namespace Pyxis.Client.Tests;

/// <summary>Union results, introspection and the 2025 federated root fields, from a user's operation to the emulator and back.</summary>
public sealed class AbstractTypeEndToEndTests : IAsyncLifetime
{
    private EmulatorSession session = null!;

    public async Task InitializeAsync() => session = await EmulatorSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task Entities_come_back_as_the_records_of_their_types_in_the_order_asked()
    {
        var listing = session.Emulator.Catalog.ProductListings[2];
        var id = (string)listing["_id"]!;
        var representations = JsonDocument
            .Parse(
                $$"""
                [{"__typename":"ProductListingFederated","_id":"{{id}}"},
                 {"__typename":"PublicProductListingFunctionalInfo","productListingId":"{{id}}"},
                 {"__typename":"ProductListingFederated","_id":"000000000000000000000000"}]
                """
            )
            .RootElement.EnumerateArray()
            .ToList();

        var entities = (await session.Client.ListingEntitiesAsync(representations)).Entities;

        Assert.Equal(3, entities.Count);
        var federated = Assert.IsType<ListingEntitiesQuery.Entity.ProductListingFederated>(entities[0]);
        Assert.Equal((id, (string)listing["name"]!, true), (federated.Id, federated.Name, federated.Published));
        Assert.Equal(id, Assert.IsType<ListingEntitiesQuery.Entity.PublicProductListingFunctionalInfo>(entities[1]).ProductListingId);
        Assert.Null(entities[2]);
        Assert.Contains(
            "_entities(representations: $representations) { __typename",
            ListingEntitiesQuery.Document,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_federated_root_field_answers_the_object_itself()
    {
        var repository = session.Emulator.Catalog.Repositories[9];

        var found = (
            await session.Client.RepositoryByRegistryAsync((string)repository["registry"]!, (string)repository["repository"]!)
        ).RepositoryByRegistry;
        var missing = (await session.Client.RepositoryByRegistryAsync("quay.io", "no/such")).RepositoryByRegistry;

        Assert.Equal((string)repository["_id"]!, found?.Id);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Introspection_is_typed_like_any_other_selection()
    {
        var shape = await session.Client.SchemaShapeAsync();

        Assert.Equal("Query", shape.Schema.QueryType.Name);
        Assert.Equal(IntrospectionTypeKind.Union, shape.Type!.Kind);
        Assert.Equal(
            ["ProductListingFederated", "PublicProductListingFunctionalInfo"],
            shape.Type.PossibleTypes!.Select(t => t.Name).Order()
        );
    }
}
