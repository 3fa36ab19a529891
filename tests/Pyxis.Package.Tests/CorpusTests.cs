using System.Text.RegularExpressions;
using Snapshooter.Xunit;

namespace Pyxis.Package.Tests;

/// <summary>
/// Lambda shapes a ZeroQL user writes (from ZeroQL's tests and docs, on the Pyxis schema), built from the packed
/// package: each accepted one answers exactly what the emulator's catalog says, with its document snapshotted; each
/// refused one fails the build with its PYX code at its line. One build for each side, shared by all shapes.
/// </summary>
[Collection(PackedPackage.Collection)]
public sealed partial class CorpusTests(PackedPackage package)
{
    private static readonly object Gate = new();
    private static (Dictionary<string, string> Lines, string Output)? accepted;
    private static string? refused;

    public static TheoryData<string> AcceptedShapes => new(ReadCorpus("Accepted", ShapeMethod()).Select(m => m.Groups[1].Value));

    // The line of the expression right after each marker (the formatter may leave the comment on the line before).
    public static TheoryData<int, string> RefusedShapes
    {
        get
        {
            var data = new TheoryData<int, string>();
            var text = File.ReadAllText(Path.Combine(CorpusConsumer.CorpusFolder, "Refused", "Refused.cs"));
            foreach (Match marker in ExpectMarker().Matches(text))
            {
                var at = marker.Index + marker.Length;
                while (char.IsWhiteSpace(text[at]))
                {
                    at++;
                }

                data.Add(text.AsSpan(0, at).Count('\n') + 1, marker.Groups[1].Value);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AcceptedShapes))]
    public void An_accepted_shape_answers_what_the_emulators_catalog_says(string shape)
    {
        var (lines, output) = Accepted();

        Assert.True(lines.TryGetValue(shape, out var line), $"{shape} did not run:\n{output}");
        Assert.True(line.StartsWith("PASS\t", StringComparison.Ordinal), line);
    }

    [Fact]
    public void Every_accepted_shapes_document_is_the_reviewed_one()
    {
        var (lines, _) = Accepted();

        Snapshot.Match(
            string.Join(
                "\n\n",
                lines
                    .OrderBy(l => l.Key, StringComparer.Ordinal)
                    .Select(l => $"{l.Key}\n  {l.Value.Split('\t')[^1].Replace(" || ", "\n  ", StringComparison.Ordinal)}")
            )
        );
    }

    [Theory]
    [MemberData(nameof(RefusedShapes))]
    public void A_refused_shape_fails_the_build_with_its_PYX_code_at_its_line(int line, string code)
    {
        var output = Refused();

        Assert.Matches($@"Refused\.cs\({line},\d+\): error {code}:", output);
    }

    [Fact]
    public void The_refused_build_fails_only_where_a_refusal_is_expected()
    {
        var expected = RefusedShapes.Select(row => ((int)row[0], (string)row[1])).ToHashSet();
        var errors = BuildError()
            .Matches(Refused())
            .Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value))
            .ToHashSet();

        Assert.Empty(errors.Except(expected));
        Assert.True(expected.Count >= 15, $"{expected.Count} refused shapes");
        Assert.True(AcceptedShapes.Count >= 60, $"{AcceptedShapes.Count} accepted shapes");
    }

    private (Dictionary<string, string> Lines, string Output) Accepted()
    {
        lock (Gate)
        {
            if (accepted is null)
            {
                var project = CorpusConsumer.Create(package, accepted: true);
                try
                {
                    var (code, output) = DotNet.Run(project, "run", TimeSpan.FromMinutes(8));
                    Assert.True(code == 0, output);
                    var lines = output
                        .Split('\n')
                        .Where(l => l.StartsWith("CORPUS\t", StringComparison.Ordinal))
                        .Select(l => l.TrimEnd('\r').Split('\t', 3))
                        .ToDictionary(p => p[2].Split('\t')[0], p => p[1] + "\t" + p[2]);
                    accepted = (lines, output);
                }
                finally
                {
                    Directory.Delete(project, recursive: true);
                }
            }

            return accepted.Value;
        }
    }

    private string Refused()
    {
        lock (Gate)
        {
            if (refused is null)
            {
                var project = CorpusConsumer.Create(package, accepted: false);
                try
                {
                    var (code, output) = DotNet.Run(project, "build", TimeSpan.FromMinutes(8));
                    Assert.NotEqual(0, code);
                    refused = output;
                }
                finally
                {
                    Directory.Delete(project, recursive: true);
                }
            }

            return refused;
        }
    }

    private static IEnumerable<Match> ReadCorpus(string folder, Regex pattern) =>
        Directory
            .GetFiles(Path.Combine(CorpusConsumer.CorpusFolder, folder), "*.cs")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => pattern.Matches(File.ReadAllText(f)));

    [GeneratedRegex(@"public static async Task<Outcome> (\w+)\(")]
    private static partial Regex ShapeMethod();

    [GeneratedRegex(@"/\* expect (PYX\d+) \*/")]
    private static partial Regex ExpectMarker();

    [GeneratedRegex(@"Refused\.cs\((\d+),\d+\): error (\w+):")]
    private static partial Regex BuildError();
}
