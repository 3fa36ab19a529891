using Pyxis.Generators.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Pyxis.Generators.Tests;

/// <summary>Unions and interfaces: fragments narrow to object types, results are a closed family chosen by <c>__typename</c>.</summary>
public sealed class AbstractTypeTests
{
    private const string Schema = """
        schema { query: Query }
        interface Node { id: ID! }
        type Image implements Node { id: ID! digest: String }
        type Repository implements Node { id: ID! path: String published: Boolean }
        type Vendor { label: String }
        union Result = Image | Repository | Vendor
        type Query { search(text: String): [Result] node(id: ID!): Node }
        """;

    private const string Operation = """
        query Search($text: String) {
          search(text: $text) {
            ... on Image { digest }
            ... on Node { id }
            ...RepositoryFields
          }
          node(id: "1") { id ... on Repository { path } }
        }
        fragment RepositoryFields on Repository { path published }
        """;

    private const string Probe = """
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using Pyxis.Tests.Generated;

        public static class FamilyProbe
        {
            public static string Run()
            {
                var request = SearchQuery.CreateRequest("ubi");
                var json = Encoding.UTF8.GetBytes(
                    "{\"search\":[{\"digest\":\"sha256:1\",\"__typename\":\"Image\",\"id\":\"i1\"},{\"__typename\":\"Repository\",\"id\":\"r1\",\"path\":\"ubi9/ubi\",\"published\":true}," +
                    "{\"__typename\":\"Vendor\"},{\"__typename\":\"Model\",\"weights\":[1]},null],\"node\":{\"__typename\":\"Image\",\"id\":\"i9\"}}");
                var reader = new Utf8JsonReader(json);
                reader.Read();
                var data = request.ReadData(ref reader);
                var described = data.Search!.Select(r => r switch
                {
                    SearchQuery.Search.Image image => $"image {image.Digest} {image.Id}",
                    SearchQuery.Search.Repository repository => $"repository {repository.Path} {repository.Published} {repository.Id}",
                    SearchQuery.Search.Other other => $"other {other.Typename}",
                    null => "null",
                    _ => "unexpected " + r.GetType().Name,
                });
                return string.Join("|", described.Append(data.Node switch { SearchQuery.Node.Other n => $"node other {n.Typename} {n.Id}", var n => "node " + n?.GetType().Name }));
            }
        }
        """;

    [Fact]
    public void Each_object_type_becomes_its_own_record_and_unknown_types_are_kept_as_Other()
    {
        var assembly = GeneratorHarnessRuntime.RunAndLoad(Probe, Schema, ("/ops/Search.graphql", Operation));

        var result = (string)assembly.GetType("FamilyProbe")!.GetMethod("Run")!.Invoke(null, null)!;

        Assert.Equal("image sha256:1 i1|repository ubi9/ubi True r1|other Vendor|other Model|null|node other Image i9", result);
    }

    [Fact]
    public void The_generator_adds_typename_to_abstract_selections_and_nowhere_else()
    {
        var output = GeneratorHarness.Run(Schema, ("/ops/Search.graphql", Operation));

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        var source = output.JoinedSource("SearchQuery.");
        Assert.Contains("search(text: $text) { __typename\\n", source, StringComparison.Ordinal);
        Assert.Contains("node(id: \\\"1\\\") { __typename id", source, StringComparison.Ordinal);
        Assert.Contains("fragment RepositoryFields on Repository { path published }", source, StringComparison.Ordinal);
        Assert.Contains("public abstract partial record Search", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Other(string Typename) : Search(Typename)", source, StringComparison.Ordinal);
        Assert.Contains(
            "public sealed partial record Repository(string Typename, string Id, [property: global::System.Text.Json.Serialization.JsonPropertyName(\"path\")] string? Path) : Node(Typename, Id)",
            source,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_fragment_on_a_type_that_cannot_be_here_is_still_PYX016()
    {
        var output = GeneratorHarness.Run(Schema, ("/ops/Bad.graphql", "query Bad { node(id: \"1\") { ... on Vendor { label } } }"));

        Assert.Contains(
            "Fragment '(inline fragment)' on type 'Vendor' cannot be spread where type 'Node' is selected",
            output.Single("PYX016").GetMessage(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void The_2025_schemas_entities_become_a_record_family()
    {
        var output = GeneratorHarness.Run(
            File.ReadAllText(RepositoryFiles.SchemaPath),
            (
                "/ops/Entities.graphql",
                """
                query ListingEntities($representations: [_Any!]!) {
                  _entities(representations: $representations) {
                    ... on ProductListingFederated { _id name published }
                    ... on PublicProductListingFunctionalInfo { productListingId }
                  }
                }
                """
            )
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Snapshot.Match(output.Source("ListingEntitiesQuery."));
    }

    [Fact]
    public void Introspection_fields_are_typed_like_any_other()
    {
        var output = GeneratorHarness.Run(
            Schema,
            (
                "/ops/Shape.graphql",
                "query Shape { __schema { queryType { name } types { name kind } } __type(name: \"Image\") { fields { name } } }"
            )
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.Contains("global::Pyxis.Tests.Generated.IntrospectionTypeKind Kind", output.Source("ShapeQuery."), StringComparison.Ordinal);
    }
}
