using Pyxis.Client.Lambdas;
using Pyxis.Client.Schema;

namespace Pyxis.Client.Tests;

/// <summary>
/// The shapes that once answered wrongly, against the emulator: each answers what the same C# computes over the whole
/// object, or throws <see cref="PyxisUnselectedFieldException"/>; never null for a field the server has.
/// </summary>
public sealed class LambdaSoundnessTests : IAsyncLifetime
{
    private EmulatorSession session = null!;

    public async Task InitializeAsync() => session = await EmulatorSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task A_block_bodied_selector_reads_a_nested_field_through_a_local()
    {
        var image = session.Emulator.Catalog.Images[17];

        var build = await session.Client.QueryAsync(new { Id = (string)image["_id"]! }, static (q, v) => q.GetImage(v.Id, r =>
            {
                var data = r.Data;
                return data?.Brew?.Build;
            }));

        Assert.Equal((string)((Dictionary<string, object?>)image["brew"]!)["build"]!, build);
    }

    [Fact]
    public async Task A_designation_nested_in_a_property_pattern_reads_its_own_fields()
    {
        var seeded = session.Emulator.Catalog.Repositories[3];

        var found = await session.Client.QueryAsync(
            new { Registry = (string)seeded["registry"]!, Path = (string)seeded["repository"]! },
            static (q, v) =>
                q.GetRepositoryByRegistryPath(v.Registry, v.Path, o =>
                    o is { Data: { } d } ? "found " + d.Repository : "error " + o.Error?.Detail
                )
        );
        var missing = await session.Client.QueryAsync(new { Registry = "nowhere.example", Path = "none" }, static (q, v) =>
            q.GetRepositoryByRegistryPath(v.Registry, v.Path, o =>
                o is { Data: { } d } ? "found " + d.Repository : "error " + o.Error?.Status
            )
        );

        Assert.Equal("found " + (string)seeded["repository"]!, found);
        Assert.Equal("error 404", missing);
    }

    [Fact]
    public async Task Fragment_methods_called_as_extension_methods_and_method_groups_ask_their_fields()
    {
        var image = session.Emulator.Catalog.Images[5];
        var nvr = (string)((Dictionary<string, object?>)image["brew"]!)["build"]!;
        var seeded = session.Emulator.Catalog.Repositories[2];

        var name = await session.Client.QueryAsync(
            new { Registry = (string)seeded["registry"]!, Path = (string)seeded["repository"]! },
            static (q, v) => q.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data?.PathOf())
        );
        var architectures = await session.Client.QueryAsync(new { Nvr = nvr }, static (q, v) =>
            q.FindImagesByNvr(v.Nvr, null, 0, 50, null, p => p.Data!.Select(LambdaFragments.Architecture).ToList())
        );

        Assert.Equal((string)seeded["registry"]! + "/" + (string)seeded["repository"]!, name);
        Assert.Equal([(string)image["architecture"]!], architectures);
    }

    [Fact]
    public async Task A_lambda_without_a_variables_object_sends_what_it_captures_as_variables()
    {
        var image = session.Emulator.Catalog.Images[9];
        var id = (string)image["_id"]!;

        var architecture = await session.Client.QueryAsync(q => q.GetImage(id, r => r.Data!.Architecture));

        Assert.Equal((string)image["architecture"]!, architecture);
    }

    [Fact]
    public async Task An_object_returned_whole_throws_for_a_nested_object_it_did_not_select()
    {
        var image = session.Emulator.Catalog.Images[17];

        var data = await session.Client.QueryAsync(new { Id = (string)image["_id"]! }, static (q, v) => q.GetImage(v.Id, r => r.Data));

        Assert.Equal((string)image["architecture"]!, data!.Architecture);
        var unselected = Assert.Throws<PyxisUnselectedFieldException>(() => data.Brew);
        Assert.Equal(("ContainerImage", "brew"), (unselected.TypeName, unselected.FieldName));
        Assert.Contains("ContainerImage.brew was not selected", unselected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_union_value_returned_whole_throws_for_a_type_the_lambda_did_not_narrow_to()
    {
        var id = (string)session.Emulator.Catalog.ProductListings[1]["_id"]!;
        var representations = System
            .Text.Json.JsonDocument.Parse(
                $$"""
                [{"__typename":"ProductListingFederated","_id":"{{id}}"},{"__typename":"PublicProductListingFunctionalInfo","productListingId":"{{id}}"}]
                """
            )
            .RootElement.EnumerateArray()
            .ToList();

        // The selector narrows to neither type, so neither value was asked: over the whole graph Value and On<T>() of
        // the value's own type are objects, so here they throw rather than read as null.
        var entities = await session.Client.QueryAsync(representations, static (q, v) => q.Entities(v, e => e.ToList()));

        Assert.Equal(["ProductListingFederated", "PublicProductListingFunctionalInfo"], entities.Select(x => x!.Typename));
        var value = Assert.Throws<PyxisUnselectedFieldException>(() => entities[0]!.Value);
        Assert.Equal(("_Entity", "... on ProductListingFederated"), (value.TypeName, value.FieldName));
        Assert.Contains("On<ProductListingFederated>()", value.Message, StringComparison.Ordinal);
        Assert.Throws<PyxisUnselectedFieldException>(() => entities[0]!.On<ProductListingFederated>());
        Assert.Throws<PyxisUnselectedFieldException>(() => entities[1]!.On<object>());
        // A type the value is not answers null, as it does over the whole graph.
        Assert.Null(entities[0]!.On<PublicProductListingFunctionalInfo>());
    }
}

/// <summary>Fragment methods in the forms ZeroQL users write them: an extension method and a method group.</summary>
public static class LambdaFragments
{
    /// <summary>Where a repository lives.</summary>
    [PyxisFragment]
    public static string PathOf(this ContainerRepository repository) => repository.Registry + "/" + repository.Repository;

    /// <summary>An image's architecture.</summary>
    [PyxisFragment]
    public static string? Architecture(ContainerImage? image) => image?.Architecture;
}
