using System.Text;
using System.Text.Json;
using Pyxis.Client.Serialization;

namespace Pyxis.Client.Tests;

/// <summary>An input field is unset (left out), set to a value, or set to an explicit null (sent, to clear it).</summary>
public sealed class ExplicitNullTests
{
    [Fact]
    public void Unset_value_and_explicit_null_are_three_different_wire_outputs()
    {
        Assert.Equal("""{"architecture":"arm64"}""", Wire(new ContainerImageInput { Architecture = "arm64" }));
        Assert.Equal(
            """{"architecture":"arm64","cloud_service":null,"content_sets":null}""",
            Wire(
                new ContainerImageInput
                {
                    Architecture = "arm64",
                    ExplicitNulls = [nameof(ContainerImageInput.CloudService), nameof(ContainerImageInput.ContentSets)],
                }
            )
        );
        Assert.Equal("""{"cloud_service":false}""", Wire(new ContainerImageInput { CloudService = false }));
        Assert.Equal("{}", Wire(new ContainerImageInput { CloudService = null }));
    }

    [Fact]
    public void An_explicit_null_inside_a_nested_input_is_sent_there()
    {
        var filter = new ContainerImageFilter
        {
            Repositories = new() { Repository = new StringFilter { ExplicitNulls = [nameof(StringFilter.Eq)] } },
        };

        Assert.Equal("""{"repositories":{"repository":{"eq":null}}}""", Wire(filter));
    }

    [Fact]
    public void A_name_that_is_no_property_or_that_also_has_a_value_is_refused_by_name()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Wire(new StringFilter { ExplicitNulls = ["eq"] }));
        Assert.Contains(
            "StringFilter.ExplicitNulls names 'eq', which is not one of its properties",
            unknown.Message,
            StringComparison.Ordinal
        );

        var both = Assert.Throws<ArgumentException>(() => Wire(new StringFilter { Eq = "x", ExplicitNulls = [nameof(StringFilter.Eq)] }));
        Assert.Contains("names 'Eq', which also has a value", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_request_carries_the_explicit_null_in_its_variables()
    {
        var request = FindRepositoriesQuery.CreateRequest(
            new ContainerRepositoryFilter { Published = new BooleanFilter { ExplicitNulls = [nameof(BooleanFilter.Eq)] } }
        );

        var variables = JsonDocument.Parse(request.Variables).RootElement;
        Assert.Equal("""{"published":{"eq":null}}""", variables.GetProperty("filter").GetRawText());
    }

    private static string Wire(IPyxisInputValue value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
