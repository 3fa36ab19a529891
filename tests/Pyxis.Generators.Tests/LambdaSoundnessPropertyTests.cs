using CsCheck;
using Pyxis.Generators.Tests.LambdaProperty;
using Xunit.Abstractions;

namespace Pyxis.Generators.Tests;

/// <summary>
/// Sound or refused, as a property: random selectors (member reads, <c>?.</c>, <c>!</c>, ternaries, <c>??</c>,
/// patterns, switch expressions, locals, tuples and anonymous objects in locals, LINQ in both syntaxes with indexes,
/// <c>Zip</c>, <c>Aggregate</c> and <c>GroupBy</c> element selectors, collection spreads, lambda parameters shadowing
/// the selector's, fragment methods) over random answers. Every selector
/// the generator accepts answers what the same C# computes over the whole object graph, or throws
/// <c>PyxisUnselectedFieldException</c>; never a different value. Seeded: <c>PYXIS_PROPERTY_SEED</c> replays a run.
/// </summary>
public sealed class LambdaSoundnessPropertyTests(ITestOutputHelper output)
{
    private static readonly int Selectors = int.TryParse(Environment.GetEnvironmentVariable("PYXIS_PROPERTY_SELECTORS"), out var n)
        ? n
        : 48;
    private const int Answers = 40;

    // Each selector costs the generator and the compiler a fraction of a second (its projection is compiled too), so
    // a default run stays short; PYXIS_PROPERTY_SELECTORS=400 with a new PYXIS_PROPERTY_SEED explores further.

    [Fact]
    public void Every_accepted_selector_answers_as_over_the_whole_graph_or_throws_unselected()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("PYXIS_PROPERTY_SEED"), out var given) ? given : 20261203UL;
        var random = new PCG(1, seed);
        var grammar = new SelectorGrammar(random);
        var selectors = Enumerable.Range(0, Selectors).Select(_ => grammar.Selector()).ToList();
        var answers = Enumerable.Range(0, Answers).Select(_ => ImageResponse.Any.Generate(random, null!, out Size _)).ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var compiled = CompiledSelectors.Compile(selectors);
        output.WriteLine($"compiled in {clock.ElapsedMilliseconds} ms");

        var failures = new List<string>();
        for (var i = 0; i < selectors.Count; i++)
        {
            if (compiled.Refused.ContainsKey(i))
            {
                continue;
            }

            foreach (var answer in answers)
            {
                var (projected, full) = (compiled.Projected(i, answer), compiled.Full(i, answer));
                if (!Outcome.Agrees(projected, full))
                {
                    failures.Add(
                        $"selector {i}: {selectors[i]}\n  answer: {answer.ToJson().ToJsonString()}\n  lambda: {projected}\n  C#:     {full}"
                    );
                    break;
                }
            }
        }

        output.WriteLine($"ran in {clock.ElapsedMilliseconds} ms");
        foreach (var refused in compiled.Refused.OrderBy(r => r.Key))
        {
            output.WriteLine($"refused {refused.Key}: {selectors[refused.Key]}\n  {refused.Value}");
        }

        // Well-typed C# is never refused with an invalid document: that is a read gone to the wrong place (a shadowed name).
        Assert.DoesNotContain(compiled.Refused.Values, r => r.Contains("PYX105", StringComparison.Ordinal));

        // Most generated shapes are ones the generator must accept, or the property says little.
        Assert.True(compiled.Refused.Count <= Selectors / 10, $"seed {seed}: {compiled.Refused.Count} of {Selectors} selectors refused");
        Assert.True(failures.Count == 0, $"seed {seed} (PYXIS_PROPERTY_SEED={seed} replays it):\n" + string.Join("\n", failures.Take(8)));
    }
}
