using Spectre.Console;

namespace Pyxis.Cli.Output;

/// <summary>
/// Rows as a table when every value fits the terminal on one line, otherwise as one block per row with a value per line:
/// a digest or a path split over two lines cannot be copied or grepped.
/// </summary>
internal static class ResultView
{
    private const int BorderPerColumn = 3;

    public static void Write(IAnsiConsole console, IReadOnlyList<string> headers, IReadOnlyList<Cell[]> rows)
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Text.Length).Append(h.Length).Max()).ToList();
        if (widths.Sum() + (BorderPerColumn * headers.Count) + 1 <= console.Profile.Width)
        {
            console.Write(Table(headers, rows));
        }
        else
        {
            Blocks(console, headers, rows);
        }
    }

    private static Table Table(IReadOnlyList<string> headers, IReadOnlyList<Cell[]> rows)
    {
        var table = new Table();
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).NoWrap());
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(Render).ToArray());
        }

        return table;
    }

    private static void Blocks(IAnsiConsole console, IReadOnlyList<string> headers, IReadOnlyList<Cell[]> rows)
    {
        var label = headers.Max(h => h.Length) + 2;
        foreach (var row in rows)
        {
            console.MarkupLine(Render(row[0]));
            for (var i = 1; i < headers.Count; i++)
            {
                if (row[i].Text.Length > 0)
                {
                    console.MarkupLine($"  {Markup.Escape((headers[i] + ":").PadRight(label))}{Render(row[i])}");
                }
            }
        }
    }

    private static string Render(Cell cell) =>
        cell.Color is null ? Markup.Escape(cell.Text) : $"[{cell.Color}]{Markup.Escape(cell.Text)}[/]";
}
