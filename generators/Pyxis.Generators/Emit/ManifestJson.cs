using System.Globalization;
using System.Text;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// A manifest entry as one line of JSON, written inside a C# comment: no raw line break, and no <c>*/</c> (written
/// <c>*\/</c>), so the comment and the line both hold.
/// </summary>
internal static class ManifestJson
{
    public static string Entry(ManifestEntry e) =>
        new StringBuilder()
            .Append("{\"name\":")
            .Append(String(e.Name))
            .Append(",\"kind\":")
            .Append(String(e.Kind))
            .Append(",\"operationType\":")
            .Append(String(e.OperationType))
            .Append(",\"document\":")
            .Append(String(e.Document))
            .Append(",\"id\":")
            .Append(String(e.Id))
            .Append(",\"file\":")
            .Append(String(e.File))
            .Append(",\"line\":")
            .Append(e.Line.ToString(CultureInfo.InvariantCulture))
            .Append(",\"column\":")
            .Append(e.Column.ToString(CultureInfo.InvariantCulture))
            .Append(",\"schema\":")
            .Append(String(e.Schema))
            .Append('}')
            .ToString();

    public static string String(string value)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '/' when i > 0 && value[i - 1] == '*':
                    text.Append("\\/");
                    break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
