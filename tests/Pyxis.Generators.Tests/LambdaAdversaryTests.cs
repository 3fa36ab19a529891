using CsCheck;
using Pyxis.Generators.Tests.LambdaProperty;

namespace Pyxis.Generators.Tests;

/// <summary>
/// Selector shapes ordinary C# developers write that the corpus and the other soundness tests do not: records with
/// <c>with</c>, collection expressions, <c>Zip</c>, <c>Aggregate</c>, grouping and dictionaries, deconstruction,
/// format specifiers, guarded switches, list patterns, shadowed names, <c>?.</c> into lists, tuples and anonymous
/// objects holding schema objects, <c>ref</c> locals. Each accepted one must answer exactly what the same C# computes
/// over the whole graph (an unselected field is a miss here, not an excuse); each refused one must be refused with its
/// PYX code.
/// </summary>
public sealed class LambdaAdversaryTests
{
    private const string Declarations = """
            public sealed record Row(string? Arch, int? Org);

            private static T Id<T>(T value) => value;

        """;

    // Shapes the analysis follows: each must give the whole graph's answer on every generated response.
    private static readonly string[] FollowedShapes =
    [
        // A record built from selected data, changed with `with`.
        "r => new Row(r.Data?.Architecture, r.Data?.OrgId) with { Org = r.Data?.Brew == null ? -1 : 1 }",
        // ?? between reads of one list is one selected value.
        "r => { var b = r.Data?.Repositories?.FirstOrDefault() ?? r.Data?.Repositories?.LastOrDefault(); return b?.Tags?.Count; }",
        // Collection expressions: spread of scalars, and of objects read through afterwards.
        "r => { string?[] all = [.. r.Data?.Repositories?.Select(x => x?.Registry) ?? [], r.Data?.Architecture]; return all; }",
        "r => { ContainerImageRepo?[] all = [.. r.Data?.Repositories ?? ValueList<ContainerImageRepo?>.Empty]; return all.Select(x => x?.Tags?.Count).ToList(); }",
        // Zip, with and without a result selector.
        "r => r.Data?.Repositories?.Zip(r.Data.CpeIds ?? ValueList<string?>.Empty, (a, c) => a?.Registry + \"@\" + c).ToList()",
        // Aggregate with a seed, and over the objects themselves.
        "r => r.Data?.Repositories?.Aggregate(\"\", (acc, x) => acc + x?.Registry + \";\")",
        "r => r.Data?.Repositories?.Where(x => x != null).Aggregate((a, b) => a!.Tags?.Count >= b!.Tags?.Count ? a : b)?.Repository",
        // GroupBy with a key, with an element selector, and with a result selector.
        "r => r.Data?.Repositories?.GroupBy(x => x?.Published).Select(g => g.First()?.Repository + g.Count()).ToList()",
        "r => r.Data?.Repositories?.GroupBy(x => x?.Registry, x => x?.Tags).Select(g => g.Key + g.Sum(t => t?.Count ?? 0)).ToList()",
        "r => r.Data?.Repositories?.GroupBy(x => x?.Published, (k, xs) => k + \":\" + string.Join(\",\", xs.Select(x => x?.Registry))).ToList()",
        // ToDictionary and ToLookup with key and value selectors, and values read after.
        "r => r.Data?.Repositories?.Where(x => x?.Repository != null).DistinctBy(x => x!.Repository).ToDictionary(x => x!.Repository!, x => x!.Tags?.Count)",
        "r => r.Data?.Repositories?.Where(x => x?.Repository != null).DistinctBy(x => x!.Repository).ToDictionary(x => x!.Repository!).Values.Select(x => x?.Registry).ToList()",
        "r => r.Data?.Repositories?.ToLookup(x => x?.Registry ?? \"-\", x => x?.Published)[\"amd64\"].ToList()",
        // foreach with deconstruction of tuples built from selected data.
        "r => { var all = new List<string?>(); foreach (var (reg, pub) in r.Data?.Repositories?.Select(x => (x?.Registry, x?.Published)) ?? []) { all.Add(reg + pub); } return all; }",
        // Local functions: one returning a list, one a lazy iterator.
        "r => { IEnumerable<string?> Regs(ContainerImage? i) => i?.Repositories?.Select(x => x?.Registry) ?? []; return Regs(r.Data).ToList(); }",
        "r => { IEnumerable<string?> Names(ContainerImageRepo? x) { foreach (var t in x?.Tags ?? ValueList<ContainerImageRepoTag?>.Empty) { yield return t?.Name; } } return r.Data?.Repositories?.SelectMany(Names).ToList(); }",
        // Interpolation with alignment and format specifiers.
        "r => $\"{r.Data?.Architecture,-8}|{r.Data?.OrgId:D4}|{r.Error?.Status,3:X}|{r.Data?.Certified}\"",
        // A switch statement with when guards reading fields.
        "r => { switch (r.Data) { case { Brew: var b } when b?.Build == \"x\": return \"x\" + b.Package; case { } d when d.Repositories?.Count > 1: return d.Architecture; case null: return r.Error?.Detail; default: return \"other\"; } }",
        // Combined patterns.
        "r => r.Data is not null and { Brew: { Package: var p } } ? p : r.Data?.Id",
        "r => r.Data?.Brew is { Build: not null and var b } brew ? b + brew.Package : null",
        // List patterns on selected lists, reached through ?. too.
        "r => r.Data?.Repositories is [var first, ..] ? first?.Registry : \"none\"",
        "r => r.Data?.Repositories is [{ Tags: [var t, ..] }, .., var last] ? t?.Name + last?.Repository : \"none\"",
        "r => r.Data?.Repositories is { Count: > 1 } rs ? rs[1]?.Registry : null",
        // Nested lambdas capturing the outer selected object.
        "r => r.Data?.Repositories?.Select(x => r.Data.CpeIds?.Select(c => c + x?.Registry + r.Data.Architecture).ToList()).ToList()",
        // A lambda parameter shadowing the selector's.
        "r => new { A = r.Data?.Repositories?.Select(r => r?.Registry).ToList(), B = r.Error?.Detail }",
        "r => (r.Data?.Repositories?.Select(r => r?.Tags?.Select(r => r?.Name).ToList()).ToList(), r.Data?.Brew?.Build)",
        // static lambdas.
        "static r => r.Data?.Repositories?.Select(static x => x?.Published).ToList()",
        // object receiving a selected object, matched by type.
        "r => { object? o = r.Data?.Brew; return o is Brew { Build: var b } ? b : o == null ? \"null\" : \"?\"; }",
        // nameof, default-returning branches, exceptions thrown inside the selector.
        "r => nameof(r.Data.Architecture) + r.Data?.OrgId",
        "r => r.Data?.Brew is { } b ? (b.Build, b.Package) : default",
        "r => r.Data?.Architecture ?? throw new InvalidOperationException(\"no architecture\")",
        "r => r.Data is { Brew: null } ? throw new ArgumentException(r.Data.Id) : r.Data?.Brew?.Build",
        // ?. chains into lists: methods and indexers.
        "r => r.Data?.Repositories?.FirstOrDefault()?.Tags?.FirstOrDefault()?.Name",
        "r => r.Data?.Repositories?[0]?.Registry",
        "r => r.Data?.Repositories?.ElementAtOrDefault(1)?.Tags?[0]?.Name",
        // Tuples with named elements, returned, kept in a local, and deconstructed.
        "r => { var (arch, brew) = (Arch: r.Data?.Architecture, Brew: r.Data?.Brew); return (A: arch, B: brew?.Build); }",
        "r => { var t = (D: r.Data, E: r.Error); return t.D?.Brew?.Build ?? t.E?.Detail; }",
        // Anonymous objects nested, and kept in a local.
        "r => new { A = new { r.Data?.Architecture, B = new { r.Data?.Brew?.Build } }, r.Error?.Detail }",
        "r => { var a = new { D = r.Data, Inner = new { B = r.Data?.Brew } }; return a.D?.Repositories?.Count + a.Inner.B?.Package; }",
        // ref and out locals, checked arithmetic.
        "r => { var all = r.Data?.Repositories?.ToArray() ?? []; if (all.Length == 0) { return null; } ref var first = ref all[0]; return first?.Registry; }",
        "r => int.TryParse(r.Data?.Architecture, out var n) ? n : r.Data?.OrgId",
        "r => checked(r.Data?.OrgId * 1_000_000_000)",
        // Static calls of extension methods, and Select with an index.
        "r => Enumerable.Select(r.Data!.Repositories!, x => x?.Registry).ToList()",
        "r => r.Data?.Repositories?.Select((x, i) => i + \":\" + x?.Tags?.Count).ToList()",
        "r => r.Data?.Repositories?.Where((x, i) => i > 0 && x?.Published == true).Select(x => x?.Repository).ToList()",
        // Library methods handing back items of a selected list, OfType, SelectMany with a result selector, Concat, join.
        "r => r.Data?.Repositories?.ToList().Find(x => x?.Published == true)?.Tags?.Count",
        "r => r.Data?.Repositories?.OfType<ContainerImageRepo>().Select(x => x.Tags?.Count).ToList()",
        "r => r.Data?.Repositories?.Where(x => x?.Repository != null).DistinctBy(x => x!.Repository).ToDictionary(x => x!.Repository!).GetValueOrDefault(\"x\")?.Tags?.Count",
        "r => r.Data?.Repositories?.SelectMany(x => x?.Tags ?? ValueList<ContainerImageRepoTag?>.Empty, (x, t) => x?.Registry + t?.Name).ToList()",
        "r => r.Data?.Repositories?.Concat(r.Data.Repositories.Reverse()).Select(x => x?.Tags?.Count).ToList()",
        "r => r.Data?.Repositories == null ? null : (from x in r.Data.Repositories join y in r.Data.Repositories on x?.Registry equals y?.Registry select x?.Repository + y?.Tags?.Count).ToList()",
        "r => { var all = r.Data?.Repositories?.Select(x => x?.Tags).ToList(); return all?.Find(t => t?.Count > 0)?.FirstOrDefault()?.Name; }",
        "r => { var copy = new List<ContainerImageRepo?>(r.Data?.Repositories ?? ValueList<ContainerImageRepo?>.Empty); return copy.FirstOrDefault()?.Tags?.Count; }",
        // Lists of the selector's own, filled with selected items; library sorts with a comparison; out variables.
        "r => { var all = new List<ContainerImageRepo?>(); foreach (var x in r.Data?.Repositories ?? ValueList<ContainerImageRepo?>.Empty) { all.Add(x); } return all.Select(y => y?.Tags?.Count).ToList(); }",
        "r => { var all = r.Data?.Repositories?.ToArray() ?? []; Array.Sort(all, (a, b) => (a?.Tags?.Count ?? 0).CompareTo(b?.Tags?.Count ?? 0)); return all.Select(x => x?.Repository).ToList(); }",
        "r => { var all = r.Data?.Repositories?.ToList() ?? []; all.Sort((a, b) => string.CompareOrdinal(a?.Registry, b?.Registry)); return all.Select(x => x?.Tags?.Count).ToList(); }",
        "r => r.Data?.Repositories?.DistinctBy(x => x?.Repository).ToDictionary(x => x?.Repository ?? \"\").TryGetValue(\"x\", out var hit) == true ? hit?.Tags?.Count : -1",
        // is var, and an async local function awaited synchronously.
        "r => r.Data is var d && d?.Brew is { } b ? b.Build : null",
        "r => { async Task<string?> Arch() { await Task.Yield(); return r.Data?.Architecture; } return Arch().Result; }",
    ];

    // Shapes whose reading cannot be followed: each is refused at build with its code.
    private static readonly (string Selector, string Code, string At)[] RefusedShapes =
    [
        // A project method that is not a fragment, even a generic identity.
        ("r => Id(r.Data)?.Architecture", "PYX122", "'r.Data'"),
        // dynamic reads members by name at run time.
        ("r => { dynamic? d = r.Data; return (string?)d?.Architecture; }", "PYX125", "'r.Data'"),
        // A Zip's pairs: a tuple's members are not traced to the lists it pairs.
        (
            "r => r.Data?.Repositories?.Zip(r.Data.CpeIds ?? ValueList<string?>.Empty).Select(p => p.First?.Tags?.Count + p.Second).ToList()",
            "PYX125",
            "'p.First'"
        ),
        // A lambda kept in a delegate variable and handed to LINQ.
        (
            "r => { Func<ContainerImageRepo?, int?> count = x => x?.Tags?.Count; return r.Data?.Repositories?.Select(count).ToList(); }",
            "PYX125",
            "'x'"
        ),
        // One variable standing for either of two different fields.
        (
            "r => { object? o = r.Data?.Brew ?? (object?)r.Error; return o is Brew { Build: var b } ? b : o is ResponseError { Detail: var d } ? d : null; }",
            "PYX125",
            "'o'"
        ),
        // A group's Key that is a schema object, and a System.Tuple's item: library properties holding schema objects.
        (
            "r => r.Data?.Repositories?.GroupBy(x => x?.Tags?.FirstOrDefault()).Select(g => g.Key?.Name + g.Count()).ToList()",
            "PYX125",
            "'g.Key'"
        ),
        ("r => { var t = Tuple.Create(r.Data, 1); return t.Item1?.Architecture; }", "PYX125", "'t.Item1'"),
        // Deconstructed from something other than a tuple literal.
        (
            "r => { (ContainerImage?, ResponseError?) Pair() => (r.Data, r.Error); var (d, e) = Pair(); return d?.Brew?.Build; }",
            "PYX125",
            "'var (d, e) = Pair()'"
        ),
    ];

    public static IEnumerable<object[]> Followed => FollowedShapes.Select(s => new object[] { s });

    public static IEnumerable<object[]> Refused => RefusedShapes.Select(s => new object[] { s.Selector, s.Code, s.At });

    private static readonly Lazy<(CompiledSelectors Compiled, int Count)> All = new(() =>
    {
        var selectors = FollowedShapes.Concat(RefusedShapes.Select(s => s.Selector)).ToList();
        return (CompiledSelectors.Compile(selectors, Declarations), FollowedShapes.Length);
    });

    private static readonly IReadOnlyList<ImageResponse> Answers = Enumerable
        .Range(0, 60)
        .Select(i => ImageResponse.Any.Generate(new PCG(7, (ulong)i), null!, out Size _))
        .ToList();

    [Theory]
    [MemberData(nameof(Followed))]
    public void A_followed_shape_answers_exactly_as_over_the_whole_graph(string selector)
    {
        var (compiled, _) = All.Value;
        var index = compiled.Texts.ToList().IndexOf(selector);
        Assert.False(compiled.Refused.TryGetValue(index, out var refusal), refusal);
        foreach (var answer in Answers)
        {
            var (projected, full) = (compiled.Projected(index, answer), compiled.Full(index, answer));
            Assert.True(
                Outcome.Agrees(projected, full, exact: true),
                $"answer: {answer.ToJson().ToJsonString()}\n  lambda: {projected}\n  C#:     {full}"
            );
        }
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_shape_that_cannot_be_followed_is_refused_with_its_code_at_the_expression(string selector, string code, string at)
    {
        var (compiled, _) = All.Value;
        var index = compiled.Texts.ToList().IndexOf(selector);
        Assert.True(compiled.Refused.TryGetValue(index, out var refusal), "accepted: " + selector);
        Assert.Contains(code + ": " + at, refusal, StringComparison.Ordinal);
    }
}
