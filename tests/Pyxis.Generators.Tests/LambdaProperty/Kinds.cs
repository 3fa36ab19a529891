namespace Pyxis.Generators.Tests.LambdaProperty;

/// <summary>The schema subset the selector grammar reads: its types, their members, and their C# types.</summary>
internal enum Kind
{
    Response,
    Image,
    Brew,
    Repo,
    Tag,
    Error,
    Text,
    Number,
    Flag,
    Repositories,
    Tags,
    CpeIds,
}

internal static class Kinds
{
    public static readonly Kind[] All = Enum.GetValues<Kind>();

    private static readonly Dictionary<Kind, (string Member, Kind Kind)[]> Fields = new()
    {
        [Kind.Response] = [("Data", Kind.Image), ("Error", Kind.Error)],
        [Kind.Image] =
        [
            ("Id", Kind.Text),
            ("Architecture", Kind.Text),
            ("OrgId", Kind.Number),
            ("Certified", Kind.Flag),
            ("CpeIds", Kind.CpeIds),
            ("Brew", Kind.Brew),
            ("Repositories", Kind.Repositories),
        ],
        [Kind.Brew] = [("Build", Kind.Text), ("Package", Kind.Text)],
        [Kind.Repo] = [("Registry", Kind.Text), ("Repository", Kind.Text), ("Published", Kind.Flag), ("Tags", Kind.Tags)],
        [Kind.Tag] = [("Name", Kind.Text)],
        [Kind.Error] = [("Status", Kind.Number), ("Detail", Kind.Text)],
    };

    public static IEnumerable<(string Member, Kind Kind)> Members(Kind kind) => Fields.TryGetValue(kind, out var m) ? m : [];

    public static bool IsObject(Kind kind) => Fields.ContainsKey(kind);

    /// <summary>Every member chain from <paramref name="kind"/>, the empty one first.</summary>
    public static IEnumerable<(IReadOnlyList<string> Steps, Kind Kind)> PathsFrom(Kind kind)
    {
        yield return ([], kind);
        foreach (var (member, below) in Members(kind))
        {
            foreach (var (steps, end) in PathsFrom(below))
            {
                yield return ([member, .. steps], end);
            }
        }
    }

    public static Kind Item(Kind list) =>
        list switch
        {
            Kind.Repositories => Kind.Repo,
            Kind.Tags => Kind.Tag,
            _ => Kind.Text,
        };

    public static string CSharp(Kind kind) =>
        kind switch
        {
            Kind.Response => "ContainerImageResponse?",
            Kind.Image => "ContainerImage?",
            Kind.Brew => "Brew?",
            Kind.Repo => "ContainerImageRepo?",
            Kind.Tag => "ContainerImageRepoTag?",
            Kind.Error => "ResponseError?",
            Kind.Text => "string?",
            Kind.Number => "int?",
            Kind.Flag => "bool?",
            Kind.Repositories => "ValueList<ContainerImageRepo?>?",
            Kind.Tags => "ValueList<ContainerImageRepoTag?>?",
            _ => "ValueList<string?>?",
        };
}
