using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Utilities;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Emulator.Schema;

/// <summary>
/// The Mutation root fields the emulator answers: <c>create_image</c> adds the input as an image of the emulator's own
/// catalog (then found by <c>get_image</c>, <c>find_images</c>…); every other mutation is a GraphQL error.
/// </summary>
internal static class MutationResolvers
{
    private static readonly Dictionary<string, Func<IResolveFieldContext, SeedCatalog, object?>> Fields = new()
    {
        ["create_image"] = (ctx, catalog) =>
            CatalogResolvers.Envelope(catalog.CreateImage(ctx.GetArgument<Dictionary<string, object?>>("input") ?? []), null, null),
    };

    public static void Configure(TypeConfig mutation, IEnumerable<string> allFields)
    {
        RootResolvers.RefuseOthers(mutation, "Mutation", allFields, Fields.Keys);

        foreach (var (field, resolve) in Fields)
        {
            mutation.FieldFor(field).Resolver = new FuncFieldResolver<object?>(ctx =>
                resolve(ctx, (SeedCatalog)ctx.UserContext[RootResolvers.CatalogKey]!)
            );
        }
    }
}
