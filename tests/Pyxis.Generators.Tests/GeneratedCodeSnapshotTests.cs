using Pyxis.Generators.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Pyxis.Generators.Tests;

/// <summary>
/// One snapshot per schema feature. Each also compiles the output against the real runtime with
/// nullable on and every warning an error, so a snapshot can never bless code that does not build.
/// </summary>
public sealed class GeneratedCodeSnapshotTests
{
    [Fact]
    public void Envelope_lookup_with_named_fragment_unwraps_to_the_entity()
    {
        var output = Generate(
            "GetRepository",
            """
            query GetRepository($registry: String!, $repository: String) {
              get_repository(registry: $registry, repository: $repository) {
                data { ...Repo }
                error { status detail }
              }
            }
            fragment Repo on Repository { _id registry repository published }
            """
        );
        Snapshot.Match(output.Source("GetRepositoryQuery"));
    }

    [Fact]
    public void Paginated_query_with_input_filter_sort_and_defaults_returns_the_page()
    {
        var output = Generate(
            "FindRepositories",
            """
            query FindRepositories($filter: RepositoryFilter, $sort: [SortBy], $page: Int, $page_size: Int = 100) {
              find_repositories(filter: $filter, sort_by: $sort, page: $page, page_size: $page_size) {
                data { repository kind tags { name } }
                error { status detail }
                page page_size total
              }
            }
            """
        );
        Snapshot.Match(output.Source("FindRepositoriesQuery"));
    }

    [Fact]
    public void Every_scalar_maps_to_its_CSharp_type()
    {
        var output = Generate(
            "Scalars",
            """
            query Scalars($id: ID) {
              everything(id: $id) { string int float boolean id date_time int64 object_id uri dictionary mystery }
            }
            """
        );
        Snapshot.Match(output.Source("ScalarsQuery"));
    }

    [Fact]
    public void Lists_of_nullable_non_null_and_nested_lists_keep_their_nullability()
    {
        var output = Generate(
            "Lists",
            """
            query Lists {
              everything { kinds matrix }
              find_repositories { data { tags { name } required_tags { added_date } } }
            }
            """
        );
        Snapshot.Match(output.Source("ListsQuery"));
    }

    [Fact]
    public void Names_that_clash_with_keywords_members_or_their_type_are_renamed_but_keep_wire_names()
    {
        var output = Generate(
            "Clashes",
            """
            query Clashes { everything { class Everything to_string equals renamed: string } }
            """
        );
        Snapshot.Match(output.Source("ClashesQuery"));
    }

    [Fact]
    public void Inline_fragments_and_repeated_fields_merge_into_one_record()
    {
        var output = Generate(
            "Merged",
            """
            query Merged {
              get_repository(registry: "r") {
                data { registry ... on Repository { registry repository } ...More }
              }
            }
            fragment More on Repository { tags { name } tags { added_date } }
            """
        );
        Snapshot.Match(output.Source("MergedQuery"));
    }

    [Fact]
    public void Enum_and_input_types_are_emitted_once_with_their_wire_names()
    {
        var output = Generate(
            "Count",
            """
            query Count($kind: Kind!, $filter: RepositoryFilter) {
              count(kind: $kind)
              find_repositories(filter: $filter) { total }
            }
            """
        );
        Snapshot.Match(output.Source("Enums/Kind") + "\n" + output.Source("Inputs/RepositoryFilter") + "\n" + output.Source("CountQuery"));
    }

    [Fact]
    public void Include_and_skip_make_a_field_nullable_even_when_the_schema_says_non_null()
    {
        var output = Generate(
            "Conditional",
            """
            query Conditional($withTags: Boolean = false, $lean: Boolean!) {
              find_repositories { data { repository @skip(if: $lean) required_tags @include(if: $withTags) { name } } }
            }
            """
        );
        Snapshot.Match(output.Source("ConditionalQuery"));
    }

    private static GeneratorOutput Generate(string name, string operation)
    {
        var output = GeneratorHarness.Run(TestSchema.Text, ($"/project/ops/{name}.graphql", operation));
        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        return output;
    }
}
