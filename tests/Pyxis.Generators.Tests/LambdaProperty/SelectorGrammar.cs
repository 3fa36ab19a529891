using CsCheck;

namespace Pyxis.Generators.Tests.LambdaProperty;

/// <summary>
/// Random selectors over <c>ContainerImageResponse</c>, in the constructs a lambda may use: member reads with
/// <c>?.</c> and <c>!</c>, ternaries, <c>??</c>, property patterns with designations, switch expressions, locals in a
/// block body (alone or as members of a tuple or anonymous object), LINQ (<c>Select</c> with and without an index,
/// <c>Where</c>, <c>FirstOrDefault</c>, <c>ElementAtOrDefault</c>, <c>Any</c>, <c>Count</c>, <c>Zip</c>, <c>Aggregate</c>,
/// <c>GroupBy</c> with an element selector), collection spreads, lambda parameters shadowing <c>r</c>, query syntax and
/// <c>[PyxisFragment]</c> methods called directly, as extensions and as method groups. Every selector it makes is
/// well-typed C#; each variable it binds has a fresh name, but for <c>r</c>, shadowed on purpose.
/// </summary>
internal sealed class SelectorGrammar(PCG random)
{
    private int names;

    public string Selector()
    {
        names = 0;
        var env = new List<Variable> { new("r", Kind.Response, Nullable: false) };
        if (Chance(3))
        {
            return "r => " + Result(env, 3);
        }

        // A block body: locals standing for selected values (alone, or as a tuple's or anonymous object's members), then
        // the result.
        var body = new List<string>();
        for (var i = Pick(2) + 1; i > 0; i--)
        {
            var (text, kind) = Source(env, 1);
            var name = Fresh();
            if (Chance(3))
            {
                var (other, otherKind) = Source(env, 1);
                body.Add(Chance(2) ? $"var {name} = (A: {text}, B: {other});" : $"var {name} = new {{ A = {text}, B = {other} }};");
                env.Add(new Variable(name + ".A", kind, Nullable: true));
                env.Add(new Variable(name + ".B", otherKind, Nullable: true));
                continue;
            }

            body.Add($"var {name} = {text};");
            env.Add(new Variable(name, kind, Nullable: true));
        }

        return "r => { " + string.Join(" ", body) + " return " + Result(env, 3) + "; }";
    }

    private string Result(List<Variable> env, int depth) =>
        Pick(6) switch
        {
            0 => $"new {{ A = {Value(AnyKind(), env, depth - 1)}, B = {Value(AnyKind(), env, depth - 1)} }}",
            1 => $"({Value(AnyKind(), env, depth - 1)}, {Value(AnyKind(), env, depth - 1)})",
            2 => ListResult(env, depth),
            _ => Value(AnyKind(), env, depth),
        };

    private string ListResult(List<Variable> env, int depth)
    {
        var (list, item) = ListOf(env);
        var x = Fresh();
        var inner = env.Append(new Variable(x, item, Nullable: true)).ToList();
        return Pick(11) switch
        {
            0 => $"{list}?.Select({x} => {Value(AnyKind(), inner, depth - 1)}).ToList()",
            5 => $"{list}?.Select(({x}, i) => ({Value(AnyKind(), inner, depth - 1)}, i)).ToList()",
            6 => Zipped(list, item, env, depth),
            7 => $"{list}?.Aggregate(\"\", (acc, {x}) => acc + ({Value(Kind.Text, inner, depth - 1)}) + \";\")",
            8 => Grouped(list, item, env, depth),
            // A collection expression spreading the list, read through after.
            9 => $"(({Kinds.CSharp(item)}[])[.. {list} ?? {Empty(item)}]).Select({x} => {Value(AnyKind(), inner, depth - 1)}).ToList()",
            // A lambda parameter shadowing the selector's own r.
            10 when Kinds.IsObject(item) =>
                $"{list}?.Select(r => {Value(AnyKind(), env.Where(v => v.Name != "r").Append(new Variable("r", item, Nullable: true)).ToList(), depth - 1)}).ToList()",
            1 => $"{list}?.Where({x} => {Condition(inner, depth - 1)}).Select({x} => {Value(AnyKind(), inner, depth - 1)}).ToList()",
            2 => $"{list}?.Where({x} => {Condition(inner, depth - 1)}).ToList()",
            3 when item == Kind.Tag => $"{list}?.Select(Fragments.TagName).ToList()",
            3 when item == Kind.Repo => QueryOverTags(list, env, depth),
            4 => Continued(list, item, env, depth),
            _ =>
                $"({list} == null ? null : (from {x} in {list} where {Condition(inner, depth - 1)} select {Value(AnyKind(), inner, depth - 1)}).ToList())",
        };
    }

    // Zip with a result selector: each parameter stands for an item of its own list.
    private string Zipped(string list, Kind item, List<Variable> env, int depth)
    {
        var (other, otherItem) = ListOf(env);
        var (x, y) = (Fresh(), Fresh());
        var inner = env.Append(new Variable(x, item, Nullable: true)).Append(new Variable(y, otherItem, Nullable: true)).ToList();
        return $"{list}?.Zip({other} ?? {Empty(otherItem)}, ({x}, {y}) => ({Value(AnyKind(), inner, depth - 1)}, {Value(AnyKind(), inner, depth - 1)})).ToList()";
    }

    // GroupBy with a key and an element selector: the groups' items are what the element selector returns.
    private string Grouped(string list, Kind item, List<Variable> env, int depth)
    {
        var x = Fresh();
        var inner = env.Append(new Variable(x, item, Nullable: true)).ToList();
        var (element, elementKind) = Source(inner, 0);
        var (g, y) = (Fresh(), Fresh());
        var grouped = env.Append(new Variable(y, elementKind, Nullable: true)).ToList();
        return $"{list}?.GroupBy({x} => {Value(Kind.Text, inner, depth - 1)}, {x} => {element}).Select({g} => ({g}.Key, {g}.Count(), {g}.Select({y} => {Value(AnyKind(), grouped, depth - 1)}).ToList())).ToList()";
    }

    private static string Empty(Kind item) => $"ValueList<{Kinds.CSharp(item)}>.Empty";

    // from x in repositories where … from y in x.Tags select …: a second range variable over a nested list.
    private string QueryOverTags(string list, List<Variable> env, int depth)
    {
        var (x, y) = (Fresh(), Fresh());
        var inner = env.Append(new Variable(x, Kind.Repo, Nullable: true)).Append(new Variable(y, Kind.Tag, Nullable: true)).ToList();
        return $"({list} == null ? null : (from {x} in {list} where {x} != null && {x}.Tags != null from {y} in {x}.Tags select {Value(AnyKind(), inner, depth - 1)}).ToList())";
    }

    // from x in list select x into k where … select …: the continuation's variable stands for the item.
    private string Continued(string list, Kind item, List<Variable> env, int depth)
    {
        var (x, k) = (Fresh(), Fresh());
        var inner = env.Append(new Variable(k, item, Nullable: true)).ToList();
        return $"({list} == null ? null : (from {x} in {list} select {x} into {k} where {Condition(inner, depth - 1)} select {Value(AnyKind(), inner, depth - 1)}).ToList())";
    }

    /// <summary>An expression of <paramref name="kind"/>'s C# type (always nullable).</summary>
    private string Value(Kind kind, List<Variable> env, int depth)
    {
        if (depth <= 0)
        {
            return PathTo(kind, env);
        }

        switch (Pick(9))
        {
            case 0:
                return $"({Condition(env, depth - 1)} ? {Value(kind, env, depth - 1)} : {Value(kind, env, depth - 1)})";
            case 1:
                return $"({Value(kind, env, depth - 1)} ?? {Value(kind, env, depth - 1)})";
            case 2:
            {
                // o is { } x ? … x … : …  and  o is { Member: { } y } ? … y … : …
                var (source, sourceKind) = Source(env, depth - 1, objectOnly: true);
                var x = Fresh();
                var nested = Kinds.Members(sourceKind).Where(m => Kinds.IsObject(m.Kind)).ToList();
                if (nested.Count > 0 && Chance(2))
                {
                    var (member, memberKind) = nested[Pick(nested.Count)];
                    var inner = env.Append(new Variable(x, memberKind, Nullable: false)).ToList();
                    return $"({source} is {{ {member}: {{ }} {x} }} ? {Value(kind, inner, depth - 1)} : {Value(kind, env, depth - 1)})";
                }

                var bound = env.Append(new Variable(x, sourceKind, Nullable: false)).ToList();
                return $"({source} is {{ }} {x} ? {Value(kind, bound, depth - 1)} : {Value(kind, env, depth - 1)})";
            }
            case 3:
            {
                var (source, sourceKind) = Source(env, depth - 1, objectOnly: true);
                var x = Fresh();
                var bound = env.Append(new Variable(x, sourceKind, Nullable: false)).ToList();
                return $"({source} switch {{ null => {Value(kind, env, depth - 1)}, {{ }} {x} => {Value(kind, bound, depth - 1)} }})";
            }
            case 4 when kind == Kind.Text:
                return Pick(4) switch
                {
                    0 => $"Fragments.Label({PathTo(Kind.Brew, env, depth - 1)})",
                    1 => $"{PathTo(Kind.Repo, env, depth - 1)}.PathOf()",
                    2 => $"Fragments.TagName({PathTo(Kind.Tag, env, depth - 1)})",
                    _ => $"({Value(Kind.Text, env, depth - 1)} + \"/\" + {Value(Kind.Text, env, depth - 1)})",
                };
            case 5 when kind == Kind.Flag:
            {
                var (list, item) = ListOf(env);
                var x = Fresh();
                return $"{list}?.Any({x} => {Condition(env.Append(new Variable(x, item, Nullable: true)).ToList(), depth - 1)})";
            }
            case 5 when kind == Kind.Number:
            {
                var (list, item) = ListOf(env);
                var x = Fresh();
                return Chance(2)
                    ? $"{list}?.Count"
                    : $"{list}?.Count({x} => {Condition(env.Append(new Variable(x, item, Nullable: true)).ToList(), depth - 1)})";
            }
            default:
                return PathTo(kind, env, depth - 1);
        }
    }

    private string Condition(List<Variable> env, int depth) =>
        Pick(6) switch
        {
            0 => $"{Value(Kind.Text, env, depth - 1)} == \"amd64\"",
            1 => $"{Value(Kind.Flag, env, depth - 1)} == true",
            2 => $"{Value(Kind.Number, env, depth - 1)} > 1",
            3 => $"{Source(env, depth - 1).Text} != null",
            4 => $"{PathTo(Kind.Repo, env)} is {{ Published: true }}",
            _ => $"{PathTo(Kind.Image, env)} is {{ Architecture: \"amd64\" }}",
        };

    /// <summary>A path ending in <paramref name="kind"/>, from a variable or a LINQ item; a typed null when none reaches it.</summary>
    private string PathTo(Kind kind, List<Variable> env, int depth = 0)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var (text, at) = Source(env, depth);
            if (Kinds.PathsFrom(at).Where(p => p.Kind == kind).ToList() is { Count: > 0 } paths)
            {
                return text + paths[Pick(paths.Count)].Steps.Aggregate(string.Empty, (s, step) => s + Access() + step);
            }
        }

        return $"(({Kinds.CSharp(kind)})null)";
    }

    // Something to read from: a variable, or the first matching item of a list reached from one.
    private (string Text, Kind Kind) Source(List<Variable> env, int depth, bool objectOnly = false)
    {
        if (depth > 0 && Chance(4) && ListOf(env) is var (list, item) && Kinds.IsObject(item))
        {
            var x = Fresh();
            var condition = Condition(env.Append(new Variable(x, item, Nullable: true)).ToList(), depth - 1);
            return (
                Pick(3) switch
                {
                    0 => $"{list}?.FirstOrDefault()",
                    1 => $"{list}?.ElementAtOrDefault(1)",
                    _ => $"{list}?.FirstOrDefault({x} => {condition})",
                },
                item
            );
        }

        var candidates = env.Where(v => !objectOnly || Kinds.IsObject(v.Kind)).ToList();
        var variable = candidates[Pick(candidates.Count)];
        var objects = Kinds.PathsFrom(variable.Kind).Where(p => !objectOnly || Kinds.IsObject(p.Kind)).ToList();
        var path = objects[Pick(objects.Count)];
        return (variable.Name + path.Steps.Aggregate(string.Empty, (s, step) => s + Access() + step), path.Kind);
    }

    private (string Text, Kind Item) ListOf(List<Variable> env)
    {
        var kind = new[] { Kind.Repositories, Kind.Tags, Kind.CpeIds }[Pick(3)];
        return (PathTo(kind, env), Kinds.Item(kind));
    }

    private Kind AnyKind() => Kinds.All[Pick(Kinds.All.Length)];

    private string Access() => Chance(2) ? "?." : "!.";

    private string Fresh() => "x" + names++;

    private int Pick(int n) => (int)random.Next((uint)n);

    private bool Chance(int n) => Pick(n) == 0;

    private sealed record Variable(string Name, Kind Kind, bool Nullable);
}
