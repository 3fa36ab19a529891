using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>
/// An enum value the SDK does not know never fails a response: it is kept, readable, comparable, and sent back as it came.
/// </summary>
public sealed class ForwardCompatibleEnumTests
{
    private const string Schema = """
        schema { query: Query }
        enum Status { ACTIVE RETIRED }
        type Thing { status: Status history: [Status] child: Thing }
        type Query { thing(status: Status): Thing }
        """;

    private const string Operation = "query Probe($status: Status) { thing(status: $status) { status history child { status } } }";

    private const string Probe = """
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using Pyxis.Tests.Generated;

        public static class EnumProbe
        {
            public static string Run()
            {
                var request = ProbeQuery.CreateRequest(Status.FromWire("NEWEST"));
                var json = Encoding.UTF8.GetBytes("{\"thing\":{\"status\":\"NEWEST\",\"history\":[\"ACTIVE\",\"ARCHIVED\",null],\"child\":{\"status\":\"GONE\"}}}");
                var reader = new Utf8JsonReader(json);
                reader.Read();
                var thing = request.ReadData(ref reader).Thing!;
                return string.Join("|",
                    Encoding.UTF8.GetString(request.Variables.Span),
                    thing.Status + ":" + thing.Status!.Value.IsKnown,
                    string.Join(",", thing.History!.Select(s => s is { } v ? v + ":" + v.IsKnown : "null")),
                    thing.Child!.Status + ":" + (thing.Child.Status == Status.FromWire("GONE")),
                    (thing.History![0] == Status.Active) + ":" + (thing.History[0] != Status.Retired));
            }
        }
        """;

    [Fact]
    public void Unknown_values_in_a_field_a_list_and_a_nested_object_are_kept_and_a_variable_round_trips()
    {
        var assembly = GeneratorHarnessRuntime.RunAndLoad(Probe, Schema, ("/ops/Probe.graphql", Operation));

        var result = (string)assembly.GetType("EnumProbe")!.GetMethod("Run")!.Invoke(null, null)!;

        Assert.Equal("{\"status\":\"NEWEST\"}|NEWEST:False|ACTIVE:True,ARCHIVED:False,null|GONE:True|True:True", result);
    }
}
