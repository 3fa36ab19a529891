using System.Text.RegularExpressions;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>
/// The generator's folders are its stages, and each may use only those before it: Parsing → Validation → Building →
/// (Pipeline runs them) → Emit writes what Model describes. A file that reaches the wrong way fails here by name.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Diagnostics"] = ["Model"],
        ["Model"] = ["Diagnostics"],
        ["Parsing"] = ["Model", "Diagnostics"],
        ["Validation"] = ["Model", "Diagnostics", "Parsing"],
        ["Building"] = ["Model", "Validation"],
        ["Pipeline"] = ["Model", "Diagnostics", "Parsing", "Validation", "Building"],
        ["Lambdas"] = ["Model", "Diagnostics", "Parsing", "Validation", "Building"],
        ["Emit"] = ["Model", "Diagnostics"],
    };

    [Fact]
    public void Every_stage_depends_only_on_the_stages_before_it()
    {
        var root = Path.Combine(RepositoryFiles.Root, "generators", "Pyxis.Generators");
        var violations = new List<string>();
        foreach (var (stage, allowed) in Allowed)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, stage), "*.cs", SearchOption.AllDirectories))
            {
                var used = Reference().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct();
                violations.AddRange(
                    used.Where(u => u != stage && !allowed.Contains(u)).Select(u => $"{stage}/{Path.GetFileName(file)} uses {u}")
                );
            }
        }

        Assert.Empty(violations);
        Assert.Equal(
            Allowed.Keys.Order(),
            Directory.GetDirectories(root).Select(Path.GetFileName).Where(d => d is not ("bin" or "obj")).Order()!
        );
    }

    [Fact]
    public void Every_validation_rule_has_its_own_file_and_is_specified()
    {
        var folder = Path.Combine(RepositoryFiles.Root, "generators", "Pyxis.Generators", "Validation", "Rules");
        var files = Directory.GetFiles(folder, "*.cs").Select(Path.GetFileNameWithoutExtension).Where(f => f != "SpecifiedRules");

        Assert.Equal(files.Order(), Validation.Rules.SpecifiedRules.All.Select(t => t.Name).Order());
        Assert.All(Validation.Rules.SpecifiedRules.All, t => Assert.EndsWith("Rule", t.Name));
    }

    [GeneratedRegex(@"Pyxis\.Generators\.(Diagnostics|Model|Parsing|Validation|Building|Pipeline|Emit|Lambdas)\b")]
    private static partial Regex Reference();
}
