using Pyxis.Client.SchemaCheck;

namespace Pyxis.Client.Tests.SchemaCheck;

/// <summary>A manifest of a project with several schemas: each schema's operations are read (and checked) on their own.</summary>
public sealed class ManifestSchemaTests
{
    private const string Manifest = """
        {"version":1,"schema":"Pyxis","operations":[
        {"name":"PublicImages","kind":"operation","operationType":"query","document":"query PublicImages { a }","file":"Pyxis/Public.graphql","line":1,"column":7,"schema":"Pyxis"},
        {"name":"InternalImages","kind":"operation","operationType":"query","document":"query InternalImages { b }","file":"Operations/Internal/Images.graphql","line":1,"column":7,"schema":"Internal"},
        {"name":"Older","document":"query Older { c }"}
        ]}
        """;

    [Fact]
    public void The_default_schemas_operations_are_read_unless_a_named_schema_is_asked_for()
    {
        var ours = PyxisOperationSources.ParseManifest(Manifest);
        var internalOnes = PyxisOperationSources.ParseManifest(Manifest, schema: "Internal");

        Assert.Equal(["PublicImages", "Older"], ours.Select(o => o.Name));
        Assert.All(ours, o => Assert.Equal("Pyxis", o.Schema));
        Assert.Equal("InternalImages", Assert.Single(internalOnes).Name);
        Assert.Empty(PyxisOperationSources.ParseManifest(Manifest, schema: "Staging"));
    }
}
