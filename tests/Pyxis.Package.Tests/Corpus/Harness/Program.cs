using System.Reflection;
using System.Text.Json;
using Corpus;
using Pyxis.Client;
using Pyxis.Emulator;

// Runs every [Shape] method against one emulator and prints one line per shape: PASS with the document it sent, or
// FAIL with what differed. The package test reads these lines; nothing here decides whether the test passes.
await using var emulator = await PyxisEmulator.StartAsync(
    new EmulatorOptions
    {
        FieldFaultFor = call =>
            call.Argument("repository") == Catalog.Broken ? new EmulatorFault.GraphQLError("rpm manifest unavailable") : null,
    }
);
using var inner = new PyxisClient(new PyxisClientOptions { Endpoint = emulator.Endpoint, Retry = { MaxRetries = 0 } });
var client = new RecordingClient(inner);
var catalog = new Catalog(emulator.Catalog);
var options = new JsonSerializerOptions { IncludeFields = true };
var shapes = typeof(Shapes)
    .GetMethods(BindingFlags.Static | BindingFlags.Public)
    .Select(m => (Method: m, Shape: m.GetCustomAttribute<ShapeAttribute>()))
    .Where(s => s.Shape is not null)
    .OrderBy(s => s.Method.Name, StringComparer.Ordinal);
foreach (var (method, _) in shapes)
{
    client.Documents.Clear();
    string line;
    try
    {
        var outcome = await (
            (Func<IPyxisClient, Catalog, Task<Outcome>>)method.CreateDelegate(typeof(Func<IPyxisClient, Catalog, Task<Outcome>>))
        )(client, catalog);
        var (actual, expected) = (JsonSerializer.Serialize(outcome.Actual, options), JsonSerializer.Serialize(outcome.Expected, options));
        line =
            actual == expected
                ? $"PASS\t{method.Name}\t{string.Join(" || ", client.Documents.Select(OneLine).Order(StringComparer.Ordinal))}"
                : $"FAIL\t{method.Name}\texpected {expected} but got {actual}";
    }
    catch (Exception ex)
    {
        line = $"FAIL\t{method.Name}\t{ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}";
    }

    Console.WriteLine("CORPUS\t" + line);
}

// Alias batches print one alias per line; the package test reads one line per shape.
static string OneLine(string document) =>
    string.Join(' ', document.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
