using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Utilities;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Emulator.Schema;

/// <summary>
/// The Query root fields the emulator answers, each with Pyxis's envelope <c>{ data, error }</c> (404 in the envelope
/// for a lookup that finds nothing). The catalog comes with each request, so one schema serves every emulator.
/// </summary>
internal static class RootResolvers
{
    public const string FaultKey = "pyxis.fault";
    public const string FieldFaultKey = "pyxis.field-fault";
    public const string CatalogKey = "pyxis.catalog";
    public const string LimitsKey = "pyxis.limits";
    public const string ServerTimeoutDetail = "unable to fetch data from MongoDB in time";

    private static readonly Dictionary<string, Func<IResolveFieldContext, SeedCatalog, object?>> Fields = new()
    {
        ["get_repository_by_registry_path"] = CatalogResolvers.RepositoryByPath,
        ["get_repository"] = (ctx, c) => CatalogResolvers.ById(ctx, c.Repositories, "Repository"),
        ["find_repositories"] = (ctx, c) => CatalogResolvers.Page(ctx, c.Repositories),
        ["get_image"] = (ctx, c) => CatalogResolvers.ById(ctx, c.Images, "Image"),
        ["get_image_by_manifest_digest_registry_and_repository"] = CatalogResolvers.ImageByDigest,
        ["get_image_rpm_manifest"] = CatalogResolvers.RpmManifest,
        ["find_images"] = (ctx, c) => CatalogResolvers.Page(ctx, c.Images),
        ["find_images_by_nvr"] = (ctx, c) =>
            CatalogResolvers.Page(
                ctx,
                c.Images.Where(i => CatalogQuery.Path(i, "brew.build") as string == ctx.GetArgument<string?>("nvr"))
            ),
        ["find_repository_images_by_registry_path"] = (ctx, c) =>
            CatalogResolvers.Page(ctx, c.Images.Where(i => CatalogResolvers.InRepository(ctx, i, tag: null))),
        ["find_repository_images_by_registry_path_tag"] = (ctx, c) =>
            CatalogResolvers.Page(ctx, c.Images.Where(i => CatalogResolvers.InRepository(ctx, i, ctx.GetArgument<string?>("tag")))),
        ["find_operator_bundles"] = (ctx, c) =>
            CatalogResolvers.Page(ctx, c.OperatorBundles.Where(b => CatalogResolvers.BundleMatches(ctx, b))),
        ["find_repository_operator_bundles_by_registry_path"] = (ctx, c) =>
            CatalogResolvers.Page(ctx, c.OperatorBundles.Where(b => CatalogResolvers.BundleIn(ctx, b))),
        ["find_product_listings"] = (ctx, c) => CatalogResolvers.Page(ctx, c.ProductListings),
        ["get_product_listing"] = (ctx, c) => CatalogResolvers.ById(ctx, c.ProductListings, "Product listing"),
        ["find_repository_product_listings_by_registry_path"] = CatalogResolvers.ListingsOfRepository,
        ["repository"] = FederationResolvers.RepositoryById,
        ["repository_by_registry"] = FederationResolvers.RepositoryByRegistry,
        ["product_listing"] = FederationResolvers.ProductListingById,
        ["_entities"] = FederationResolvers.Entities,
        ["_service"] = FederationResolvers.Sdl,
    };

    /// <summary>The Query fields answered from the catalog; every other one is a GraphQL error, never a silent null.</summary>
    public static IReadOnlyCollection<string> Implemented => Fields.Keys;

    public static void Configure(TypeConfig query, IEnumerable<string> allFields)
    {
        RefuseOthers(query, "Query", allFields, Implemented);

        foreach (var (field, resolve) in Fields)
        {
            query.FieldFor(field).Resolver = new FuncFieldResolver<object?>(ctx =>
                FaultOf(ctx, field) switch
                {
                    EmulatorFault.PyxisError error => CatalogResolvers.Envelope(null, error.Status, error.Detail),
                    EmulatorFault.GraphQLError error => throw new ExecutionError(error.Message),
                    _ => resolve(ctx, (SeedCatalog)ctx.UserContext[CatalogKey]!),
                }
            );
        }
    }

    // Pyxis runs out of time on big requests: many aliases at once, or big pages.
    private static bool TooBig(IResolveFieldContext ctx, EmulatorOptions options) =>
        ctx.Operation.SelectionSet.Selections.Count > options.TimeOutOverAliases
        || (
            ctx.Arguments?.TryGetValue("page_size", out var size) == true
            && size.Value is int pageSize
            && pageSize > options.TimeOutOverPageSize
        );

    /// <summary>Makes every root field not in <paramref name="implemented"/> a GraphQL error naming what is, never a silent null.</summary>
    public static void RefuseOthers(
        TypeConfig root,
        string rootName,
        IEnumerable<string> allFields,
        IReadOnlyCollection<string> implemented
    )
    {
        foreach (var field in allFields.Except(implemented))
        {
            root.FieldFor(field).Resolver = new FuncFieldResolver<object?>(_ =>
                throw new ExecutionError(
                    $"The Pyxis emulator does not implement {rootName}.{field}; it answers {string.Join(", ", implemented)}."
                )
            );
        }
    }

    private static EmulatorFault? FaultOf(IResolveFieldContext ctx, string field)
    {
        if (ctx.UserContext.TryGetValue(LimitsKey, out var limits) && limits is EmulatorOptions options && TooBig(ctx, options))
        {
            return new EmulatorFault.PyxisError(500, ServerTimeoutDetail);
        }

        if (ctx.UserContext.TryGetValue(FaultKey, out var fault) && fault is EmulatorFault.PyxisError)
        {
            return (EmulatorFault)fault;
        }

        if (ctx.UserContext.TryGetValue(FieldFaultKey, out var rule) && rule is Func<EmulatorFieldCall, EmulatorFault?> fieldFault)
        {
            var arguments = ctx.Arguments?.ToDictionary(a => a.Key, a => a.Value.Value) ?? new Dictionary<string, object?>();
            return fieldFault(new EmulatorFieldCall(field, arguments));
        }

        return null;
    }
}
