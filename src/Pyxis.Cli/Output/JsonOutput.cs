using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Pyxis.Cli.Output;

/// <summary>
/// JSON for scripts, written with <see cref="Utf8JsonWriter"/> (no reflection, so the NativeAOT tool stays warning-free).
/// </summary>
internal static class JsonOutput
{
    public static void Write(IAnsiConsole console, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (
            var writer = new Utf8JsonWriter(
                buffer,
                new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
            )
        )
        {
            write(writer);
        }

        // Straight to the output writer: Spectre would wrap long lines and read brackets as markup.
        console.Profile.Out.Writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string?>? values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values ?? [])
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
