using System.Collections;
using GraphQL;
using Pyxis.Emulator.Catalog;

namespace Pyxis.Emulator.Schema;

/// <summary>How each implemented root field reads the catalog: lookups answer 404 in the envelope, finds answer a page.</summary>
internal static class CatalogResolvers
{
    public static object RepositoryByPath(IResolveFieldContext ctx, SeedCatalog catalog)
    {
        var registry = ctx.GetArgument<string?>("registry");
        var repository = ctx.GetArgument<string?>("repository");
        return catalog.FindRepository(registry, repository) is { } found
            ? Envelope(found, null, null)
            : Envelope(null, 404, $"Repository '{repository}' in registry '{registry}' was not found.");
    }

    public static object ById(IResolveFieldContext ctx, IEnumerable<Dictionary<string, object?>> records, string what)
    {
        var id = ctx.GetArgument<object?>("id")?.ToString();
        return records.FirstOrDefault(r => r.Get("_id") as string == id) is { } found
            ? Envelope(found, null, null)
            : Envelope(null, 404, $"{what} '{id}' was not found.");
    }

    public static object ImageByDigest(IResolveFieldContext ctx, SeedCatalog catalog)
    {
        var digest = ctx.GetArgument<string?>("manifest_digest");
        return
            catalog.Images.FirstOrDefault(i => i.Get("docker_image_digest") as string == digest && InRepository(ctx, i, tag: null))
                is { } found
            ? Envelope(found, null, null)
            : Envelope(
                null,
                404,
                $"Image '{digest}' in '{ctx.GetArgument<string?>("registry")}/{ctx.GetArgument<string?>("repository")}' was not found."
            );
    }

    public static object RpmManifest(IResolveFieldContext ctx, SeedCatalog catalog)
    {
        var id = ctx.GetArgument<string?>("id");
        return catalog.Images.FirstOrDefault(i => i.Get("_id") as string == id)?.Get("rpm_manifest") is { } manifest
            ? Envelope(manifest, null, null)
            : Envelope(null, 404, $"RPM manifest of image '{id}' was not found.");
    }

    public static object ListingsOfRepository(IResolveFieldContext ctx, SeedCatalog catalog)
    {
        var id = catalog.FindRepository(ctx.GetArgument<string?>("registry"), ctx.GetArgument<string?>("repository"))?.Get("_id");
        return Page(ctx, catalog.ProductListings.Where(l => id is not null && l.Get("repositories") is IList ids && ids.Contains(id)));
    }

    /// <summary>Whether the image is in the requested registry/repository (and carries the tag, when one is asked).</summary>
    public static bool InRepository(IResolveFieldContext ctx, Dictionary<string, object?> image, string? tag)
    {
        var registry = ctx.GetArgument<string?>("registry");
        var repository = ctx.GetArgument<string?>("repository");
        return (image.Get("repositories") as IList ?? Array.Empty<object>())
            .OfType<IDictionary<string, object?>>()
            .Any(r =>
                r.Get("registry") as string == registry
                && r.Get("repository") as string == repository
                && (
                    tag is null
                    || (r.Get("tags") as IList ?? Array.Empty<object>())
                        .OfType<IDictionary<string, object?>>()
                        .Any(t => t.Get("name") as string == tag)
                )
            );
    }

    public static bool BundleMatches(IResolveFieldContext ctx, Dictionary<string, object?> bundle) =>
        new[] { "organization", "ocp_version", "channel_name", "package" }.All(name =>
            ctx.GetArgument<string?>(name) is not { } wanted || bundle.Get(name) as string == wanted
        ) && (ctx.GetArgument<bool?>("latest_ocp_version") != true || bundle.Get("ocp_version") as string == "4.16");

    public static bool BundleIn(IResolveFieldContext ctx, Dictionary<string, object?> bundle) =>
        bundle.Get("bundle_path") is string path
        && path.StartsWith($"{ctx.GetArgument<string?>("registry")}/{ctx.GetArgument<string?>("repository")}@", StringComparison.Ordinal);

    public static object Page(IResolveFieldContext ctx, IEnumerable<Dictionary<string, object?>> records)
    {
        var page = ctx.GetArgument("page", 0);
        var pageSize = ctx.GetArgument("page_size", 50);
        var filter = ctx.Arguments?.TryGetValue("filter", out var f) == true ? f.Value as IDictionary<string, object?> : null;
        var sortBy = ctx.Arguments?.TryGetValue("sort_by", out var sort) == true ? sort.Value as IEnumerable : null;
        var (items, total) = CatalogQuery.Find(records, filter, sortBy?.Cast<object?>(), page, pageSize);
        var envelope = Envelope(items, null, null);
        envelope["page"] = page;
        envelope["page_size"] = pageSize;
        envelope["total"] = total;
        return envelope;
    }

    public static Dictionary<string, object?> Envelope(object? data, int? status, string? detail) =>
        new()
        {
            ["data"] = data,
            ["error"] = status is null ? null : new Dictionary<string, object?> { ["status"] = status, ["detail"] = detail },
        };
}
