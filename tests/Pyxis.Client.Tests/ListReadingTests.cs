using System.Text;
using System.Text.Json;
using Pyxis.Client.Serialization;

namespace Pyxis.Client.Tests;

/// <summary>
/// Generated readers read lists through <see cref="PyxisJson.ReadList{T}"/>, which keeps the first items on the stack:
/// every length, on both sides of that buffer, comes back whole and in order.
/// </summary>
public sealed class ListReadingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    public void A_list_of_any_length_is_read_whole_and_in_order(int length)
    {
        var items = Enumerable.Range(0, length).Select(i => i % 5 == 3 ? null : "tag-" + i).ToArray();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(items)));
        reader.Read();

        var list = PyxisJson.ReadList(ref reader, "Repo.tags", static (ref Utf8JsonReader r) => PyxisJson.ReadString(ref r, "Repo.tags[]"));

        Assert.Equal(items, list);
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
    }

    [Fact]
    public void Null_is_no_list_and_an_object_is_refused_naming_the_field()
    {
        var reader = new Utf8JsonReader("null"u8);
        reader.Read();
        Assert.Null(
            PyxisJson.ReadList(ref reader, "Repo.tags", static (ref Utf8JsonReader r) => PyxisJson.ReadString(ref r, "Repo.tags[]"))
        );

        var error = Assert.ThrowsAny<Exception>(() =>
        {
            var other = new Utf8JsonReader("{}"u8);
            other.Read();
            return PyxisJson.ReadList(ref other, "Repo.tags", static (ref Utf8JsonReader r) => PyxisJson.ReadString(ref r, "Repo.tags[]"));
        });
        Assert.Contains("Repo.tags", error.Message, StringComparison.Ordinal);
    }
}
