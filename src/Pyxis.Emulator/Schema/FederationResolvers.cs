using System.Collections;
using GraphQL;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Emulator.Schema;

/// <summary>
/// The 2025 schema's federated root fields (no Pyxis envelope: the object, or null) and the Apollo federation
/// entry points <c>_entities</c> and <c>_service</c>.
/// </summary>
internal static class FederationResolvers
{
    // The SDL the served schema was built from: the bundled one, or EmulatorOptions.Schema.
    public static object Sdl(IResolveFieldContext ctx, SeedCatalog catalog) =>
        new Dictionary<string, object?> { ["sdl"] = ctx.Schema.GetMetadata<string>(PyxisSchemaFactory.SdlKey) };

    public static object? RepositoryById(IResolveFieldContext ctx, SeedCatalog catalog) =>
        catalog.Repositories.FirstOrDefault(r => r.Get("_id") as string == ctx.GetArgument<object?>("id")?.ToString());

    public static object? RepositoryByRegistry(IResolveFieldContext ctx, SeedCatalog catalog) =>
        catalog.FindRepository(ctx.GetArgument<string?>("registry"), ctx.GetArgument<string?>("repository"));

    public static object? ProductListingById(IResolveFieldContext ctx, SeedCatalog catalog) =>
        catalog.ProductListings.FirstOrDefault(l => l.Get("_id") as string == ctx.GetArgument<object?>("id")?.ToString());

    /// <summary>One entity per representation, in order: the record with its <c>__typename</c>, or null when none matches.</summary>
    public static object Entities(IResolveFieldContext ctx, SeedCatalog catalog) =>
        (ctx.GetArgument<object?>("representations") as IEnumerable ?? Array.Empty<object>())
            .Cast<object?>()
            .Select(r => r is IDictionary<string, object?> representation ? Entity(representation, catalog) : null)
            .ToList();

    private static Dictionary<string, object?>? Entity(IDictionary<string, object?> representation, SeedCatalog catalog)
    {
        var id = representation.Get("_id") as string ?? representation.Get("productListingId") as string;
        var listing = catalog.ProductListings.FirstOrDefault(l => l.Get("_id") as string == id);
        return (representation.Get("__typename") as string, listing) switch
        {
            ("ProductListingFederated", { } found) => new(found) { ["__typename"] = "ProductListingFederated" },
            ("PublicProductListingFunctionalInfo", { } found) => new()
            {
                ["__typename"] = "PublicProductListingFunctionalInfo",
                ["productListingId"] = found["_id"],
            },
            _ => null,
        };
    }
}
