using System.Collections;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Utilities;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Emulator.Schema;

/// <summary>The Query root fields the emulator answers, each with Pyxis's envelope <c>{ data, error }</c>.</summary>
internal sealed class RootResolvers(SeedCatalog catalog)
{
    public const string FaultKey = "pyxis.fault";
    public const string FieldFaultKey = "pyxis.field-fault";

    /// <summary>The Query fields answered from the catalog; every other one is a GraphQL error, never a silent null.</summary>
    public static readonly IReadOnlyList<string> Implemented = ["get_repository_by_registry_path", "find_repositories", "find_images", "find_images_by_nvr"];

    public void Configure(TypeConfig query, IEnumerable<string> allFields)
    {
        foreach (var field in allFields.Except(Implemented))
        {
            query.FieldFor(field).Resolver = new FuncFieldResolver<object?>(_ => throw new ExecutionError(
                $"The Pyxis emulator does not implement Query.{field}; it answers {string.Join(", ", Implemented)}."));
        }

        Resolve(query, "get_repository_by_registry_path", GetRepository);
        Resolve(query, "find_repositories", ctx => Page(ctx, catalog.Repositories, Filter(ctx)));
        Resolve(query, "find_images", ctx => Page(ctx, catalog.Images, Filter(ctx)));
        Resolve(query, "find_images_by_nvr", ctx => Page(ctx, catalog.Images, ByNvr(ctx)));
    }

    private static void Resolve(TypeConfig query, string field, Func<IResolveFieldContext, object?> resolve) =>
        query.FieldFor(field).Resolver = new FuncFieldResolver<object?>(ctx => FaultOf(ctx, field) switch
        {
            EmulatorFault.PyxisError error => Envelope(null, error.Status, error.Detail),
            EmulatorFault.GraphQLError error => throw new ExecutionError(error.Message),
            _ => resolve(ctx),
        });

    private static EmulatorFault? FaultOf(IResolveFieldContext ctx, string field)
    {
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

    private object? GetRepository(IResolveFieldContext ctx)
    {
        var registry = ctx.GetArgument<string?>("registry");
        var repository = ctx.GetArgument<string?>("repository");
        var found = catalog.FindRepository(registry, repository);
        return found is null
            ? Envelope(null, 404, $"Repository '{repository}' in registry '{registry}' was not found.")
            : Envelope(found, null, null);
    }

    private static object Page(IResolveFieldContext ctx, IEnumerable<Dictionary<string, object?>> records, IDictionary<string, object?>? filter)
    {
        var page = ctx.GetArgument("page", 0);
        var pageSize = ctx.GetArgument("page_size", 50);
        var sortBy = ctx.Arguments?.TryGetValue("sort_by", out var sort) == true ? sort.Value as IEnumerable : null;
        var (items, total) = CatalogQuery.Find(records, filter, sortBy?.Cast<object?>(), page, pageSize);
        var envelope = Envelope(items, null, null);
        envelope["page"] = page;
        envelope["page_size"] = pageSize;
        envelope["total"] = total;
        return envelope;
    }

    private static IDictionary<string, object?>? Filter(IResolveFieldContext ctx) =>
        ctx.Arguments?.TryGetValue("filter", out var filter) == true ? filter.Value as IDictionary<string, object?> : null;

    private static IDictionary<string, object?> ByNvr(IResolveFieldContext ctx)
    {
        var nvr = ctx.GetArgument<string?>("nvr");
        var byBuild = new Dictionary<string, object?> { ["brew"] = new Dictionary<string, object?> { ["build"] = new Dictionary<string, object?> { ["eq"] = nvr } } };
        var extra = Filter(ctx);
        return extra is null ? byBuild : new Dictionary<string, object?> { ["and"] = new List<object?> { byBuild, extra } };
    }

    private static Dictionary<string, object?> Envelope(object? data, int? status, string? detail) => new()
    {
        ["data"] = data,
        ["error"] = status is null ? null : new Dictionary<string, object?> { ["status"] = status, ["detail"] = detail },
    };
}
