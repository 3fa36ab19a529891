namespace Pyxis.Generators.Tests.Infrastructure;

/// <summary>
/// A small schema with each feature the generator must handle, shaped like Pyxis (envelopes, snake_case, custom scalars).
/// </summary>
internal static class TestSchema
{
    public const string Text = """
        directive @server_only(path: String) on FIELD_DEFINITION

        scalar DateTime
        scalar Int64
        scalar ObjectID
        scalar URI
        scalar Dictionary
        scalar Mystery

        schema { query: Query }

        type Query {
          get_repository(registry: String!, repository: String): RepositoryResponse @server_only(path: "x")
          find_repositories(filter: RepositoryFilter, sort_by: [SortBy], page: Int = 0, page_size: Int = 50): RepositoryPaginatedResponse
          everything(id: ID): Everything
          count(kind: Kind!): Int
        }

        type ResponseError { status: Int detail: String }
        type RepositoryResponse { data: Repository error: ResponseError }
        type RepositoryPaginatedResponse { data: [Repository] error: ResponseError page: Int page_size: Int total: Int }

        type Repository {
          _id: ObjectID
          registry: String
          repository: String!
          tags: [Tag]
          required_tags: [Tag!]!
          kind: Kind
          published: Boolean
        }

        type Tag { name: String added_date: DateTime }

        type Everything {
          string: String
          int: Int
          float: Float
          boolean: Boolean
          id: ID!
          date_time: DateTime
          int64: Int64
          object_id: ObjectID
          uri: URI
          dictionary: Dictionary
          mystery: Mystery
          kinds: [Kind!]
          matrix: [[Int]]
          class: String
          Everything: String
          to_string: String
          equals: Int
        }

        enum Kind { CONTAINER OPERATOR_BUNDLE helm_chart }
        enum SortDirectionEnum { ASC DESC }

        input SortBy { field: String! order: SortDirectionEnum }
        input StringFilter { eq: String in: [String] regex: String }
        input RepositoryFilter {
          registry: StringFilter
          repository: StringFilter
          kind: Kind
          and: [RepositoryFilter]
          or: [RepositoryFilter]
          not: RepositoryFilter
        }
        """;
}
