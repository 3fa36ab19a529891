using System.Text.Json.Nodes;
using CsCheck;
using Pyxis.Client;
using Pyxis.Client.Schema;

namespace Pyxis.Generators.Tests.LambdaProperty;

/// <summary>
/// A random <c>get_image</c> answer over the fields the selector grammar reads, as the JSON a server would hold and as
/// the fully fetched object graph the same C# runs over: every field of the subset set, nothing left to select.
/// </summary>
internal sealed record ImageResponse(Image? Data, ResponseFault? Error)
{
    private static readonly Gen<string?> Text = Gen.OneOfConst<string?>(null, "amd64", "arm64", "", "x");
    private static readonly Gen<int?> Number = Gen.OneOfConst<int?>(null, 0, 1, 2, 7);
    private static readonly Gen<bool?> Flag = Gen.OneOfConst<bool?>(null, true, false);
    private static readonly Gen<Tag?> TagGen = OrNull(Text.Select(n => new Tag(n)));
    private static readonly Gen<Repo?> RepoGen = OrNull(
        Gen.Select(Text, Text, Flag, List(TagGen), (registry, repository, published, tags) =>
            new Repo(registry, repository, published, tags)
        )
    );
    private static readonly Gen<Image?> ImageGen = OrNull(
        Gen.Select(
            Gen.Select(Text, Text, Number, Flag),
            List(Text),
            OrNull(Gen.Select(Text, Text, (build, package) => new BrewInfo(build, package))),
            List(RepoGen),
            (s, cpe, brew, repos) => new Image(s.Item1, s.Item2, s.Item3, s.Item4, cpe, brew, repos)
        )
    );

    public static Gen<ImageResponse> Any { get; } =
        Gen.Select(ImageGen, OrNull(Gen.Select(Number, Text, (s, d) => new ResponseFault(s, d))), (d, e) => new ImageResponse(d, e));

    public JsonObject ToJson() =>
        new()
        {
            ["data"] = Data is { } d
                ? new JsonObject
                {
                    ["_id"] = d.Id,
                    ["architecture"] = d.Architecture,
                    ["org_id"] = d.OrgId,
                    ["certified"] = d.Certified,
                    ["cpe_ids"] = d.CpeIds is { } c ? new JsonArray(c.Select(x => (JsonNode?)x).ToArray()) : null,
                    ["brew"] = d.Brew is { } b ? new JsonObject { ["build"] = b.Build, ["package"] = b.Package } : null,
                    ["repositories"] = d.Repositories is { } rs ? new JsonArray(rs.Select(RepoJson).ToArray()) : null,
                }
                : null,
            ["error"] = Error is { } e ? new JsonObject { ["status"] = e.Status, ["detail"] = e.Detail } : null,
        };

    public ContainerImageResponse ToGraph() => new FullResponse(this);

    private static JsonNode? RepoJson(Repo? r) =>
        r is null
            ? null
            : new JsonObject
            {
                ["registry"] = r.Registry,
                ["repository"] = r.Repository,
                ["published"] = r.Published,
                ["tags"] = r.Tags is { } ts
                    ? new JsonArray(ts.Select(t => t is null ? null : (JsonNode)new JsonObject { ["name"] = t.Name }).ToArray())
                    : null,
            };

    private static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : class => Gen.Frequency((1, Gen.Const<T?>(default(T))), (4, gen.Select(x => (T?)x)));

    private static Gen<T[]?> List<T>(Gen<T> item) => OrNull(item.Array[0, 3]);
}

internal sealed record Image(
    string? Id,
    string? Architecture,
    int? OrgId,
    bool? Certified,
    string?[]? CpeIds,
    BrewInfo? Brew,
    Repo?[]? Repositories
);

internal sealed record BrewInfo(string? Build, string? Package);

internal sealed record Repo(string? Registry, string? Repository, bool? Published, Tag?[]? Tags);

internal sealed record Tag(string? Name);

internal sealed record ResponseFault(int? Status, string? Detail);

// The whole graph: each class overrides every field of the subset, as an answer that selected everything would.
internal sealed class FullResponse(ImageResponse m) : ContainerImageResponse
{
    public override ContainerImage? Data { get; } = m.Data is { } d ? new FullImage(d) : null;

    public override ResponseError? Error { get; } = m.Error is { } e ? new FullError(e) : null;
}

internal sealed class FullImage(Image m) : ContainerImage
{
    public override string? Id => m.Id;

    public override string? Architecture => m.Architecture;

    public override int? OrgId => m.OrgId;

    public override bool? Certified => m.Certified;

    public override ValueList<string?>? CpeIds { get; } = m.CpeIds is { } c ? new(c) : null;

    public override Brew? Brew { get; } = m.Brew is { } b ? new FullBrew(b) : null;

    public override ValueList<ContainerImageRepo?>? Repositories { get; } =
        m.Repositories is { } rs ? new(rs.Select(r => r is null ? null : (ContainerImageRepo)new FullRepo(r)).ToArray()) : null;
}

internal sealed class FullBrew(BrewInfo m) : Brew
{
    public override string? Build => m.Build;

    public override string? Package => m.Package;
}

internal sealed class FullRepo(Repo m) : ContainerImageRepo
{
    public override string? Registry => m.Registry;

    public override string? Repository => m.Repository;

    public override bool? Published => m.Published;

    public override ValueList<ContainerImageRepoTag?>? Tags { get; } =
        m.Tags is { } ts ? new(ts.Select(t => t is null ? null : (ContainerImageRepoTag)new FullTag(t)).ToArray()) : null;
}

internal sealed class FullTag(Tag m) : ContainerImageRepoTag
{
    public override string? Name => m.Name;
}

internal sealed class FullError(ResponseFault m) : ResponseError
{
    public override int? Status => m.Status;

    public override string? Detail => m.Detail;
}
