using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>A custom scalar mapped to the project's own struct reads, writes and compiles; unmapped ones stay JsonElement.</summary>
public sealed class ScalarMappingTests
{
    private const string Schema = """
        schema { query: Query }
        scalar ObjectID
        scalar Dictionary
        type Thing { _id: ObjectID! owners: [ObjectID] extra: Dictionary }
        type Query { thing(id: ObjectID!, others: [ObjectID]): Thing }
        """;

    private const string Operation =
        "query Probe($id: ObjectID!, $others: [ObjectID]) { thing(id: $id, others: $others) { _id owners extra } }";

    private const string Probe = """
        using System;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using Pyxis.Client.Serialization;
        using Pyxis.Tests.Generated;

        namespace Probe
        {
            /// <summary>24 hex digits, kept as they came.</summary>
            public readonly record struct ObjectId(string Hex) : IPyxisScalar<ObjectId>
            {
                public static ObjectId ReadJson(ref Utf8JsonReader reader) =>
                    reader.GetString() is { Length: 24 } hex ? new ObjectId(hex) : throw new FormatException("not 24 hex digits");

                public void WriteJson(Utf8JsonWriter writer) => writer.WriteStringValue(Hex);
            }

            public static class ScalarProbe
            {
                public static string Run(string id)
                {
                    var request = ProbeQuery.CreateRequest(new ObjectId("aaaaaaaaaaaaaaaaaaaaaaaa"), [new ObjectId("bbbbbbbbbbbbbbbbbbbbbbbb"), null]);
                    var json = Encoding.UTF8.GetBytes("{\"thing\":{\"_id\":\"" + id + "\",\"owners\":[\"cccccccccccccccccccccccc\",null],\"extra\":{\"k\":1}}}");
                    var reader = new Utf8JsonReader(json);
                    reader.Read();
                    try
                    {
                        var thing = request.ReadData(ref reader).Thing!;
                        JsonElement extra = thing.Extra!.Value;
                        return string.Join("|", Encoding.UTF8.GetString(request.Variables.Span), thing.Id.Hex, string.Join(",", thing.Owners!.Select(o => o?.Hex ?? "null")), extra.GetProperty("k").GetInt32());
                    }
                    catch (PyxisJsonException ex)
                    {
                        return ex.Message;
                    }
                }
            }
        }
        """;

    private static readonly Dictionary<string, string> Mapping = new() { ["PyxisScalars"] = "ObjectID=Probe.ObjectId" };

    [Fact]
    public void A_mapped_scalar_is_read_and_written_by_its_struct_and_an_unmapped_one_stays_JsonElement()
    {
        var assembly = GeneratorHarnessRuntime.RunAndLoad(Probe, Schema, Mapping, ("/ops/Probe.graphql", Operation));

        var result = (string)assembly.GetType("Probe.ScalarProbe")!.GetMethod("Run")!.Invoke(null, ["dddddddddddddddddddddddd"])!;

        Assert.Equal(
            "{\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"others\":[\"bbbbbbbbbbbbbbbbbbbbbbbb\",null]}|dddddddddddddddddddddddd|cccccccccccccccccccccccc,null|1",
            result
        );
    }

    [Fact]
    public void A_value_the_struct_refuses_is_a_typed_error_naming_the_field()
    {
        var assembly = GeneratorHarnessRuntime.RunAndLoad(Probe, Schema, Mapping, ("/ops/Probe.graphql", Operation));

        var result = (string)assembly.GetType("Probe.ScalarProbe")!.GetMethod("Run")!.Invoke(null, ["short"])!;

        Assert.Equal("'Thing._id' is not a valid ObjectId: not 24 hex digits", result);
    }
}
