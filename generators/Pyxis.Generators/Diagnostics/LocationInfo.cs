using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Pyxis.Generators.Diagnostics;

/// <summary>A position in a <c>.graphql</c> file kept as plain data, so models stay free of compiler objects.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public Location ToLocation() =>
        Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn))
        );

    public static LocationInfo From(string path, SourceText text, int start, int end)
    {
        start = Clamp(start, text.Length);
        end = Clamp(end < start ? start : end, text.Length);
        var span = text.Lines.GetLinePositionSpan(TextSpan.FromBounds(start, end));
        return new LocationInfo(path, start, end - start, span.Start.Line, span.Start.Character, span.End.Line, span.End.Character);
    }

    public static LocationInfo FromLineColumn(string path, SourceText text, int oneBasedLine, int oneBasedColumn)
    {
        var lineIndex = Clamp(oneBasedLine - 1, text.Lines.Count - 1);
        var line = text.Lines[lineIndex < 0 ? 0 : lineIndex];
        var start = Clamp(line.Start + oneBasedColumn - 1, line.End);
        return From(path, text, start, start);
    }

    private static int Clamp(int value, int max) =>
        value < 0 ? 0
        : value > max ? max
        : value;
}
