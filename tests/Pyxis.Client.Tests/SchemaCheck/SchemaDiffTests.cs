using Pyxis.Client.SchemaCheck;

namespace Pyxis.Client.Tests.SchemaCheck;

/// <summary>Each kind of change between two schemas, graded as graphql-js grades it.</summary>
public sealed class SchemaDiffTests
{
    private const string Before = """
        type Query { image(id: ID!, page: Int = 0): Image  images(filter: Filter): [Image!]!  item: Item }
        type Image implements Node { id: ID!  name: String  tags: [String]  kind: Kind  size: Int!  old: String }
        interface Node { id: ID! }
        union Item = Image | Other
        type Other { x: Int }
        type Gone { x: Int }
        enum Kind { A B }
        input Filter { name: String  size: Int! }
        directive @custom(a: String) on FIELD_DEFINITION
        """;

    public static TheoryData<string, string, SchemaChangeSeverity, string, string> Edits =>
        new()
        {
            { "type Gone { x: Int }", "", SchemaChangeSeverity.Breaking, "TYPE_REMOVED", "Gone" },
            { "type Gone { x: Int }", "input Gone { x: Int }", SchemaChangeSeverity.Breaking, "TYPE_CHANGED_KIND", "Gone" },
            { "  name: String  tags", "  tags", SchemaChangeSeverity.Breaking, "FIELD_REMOVED", "Image.name" },
            { "name: String  tags", "name: Int  tags", SchemaChangeSeverity.Breaking, "FIELD_CHANGED_KIND", "Image.name" },
            { "size: Int!  old", "size: Int  old", SchemaChangeSeverity.Breaking, "FIELD_CHANGED_KIND", "Image.size" },
            { "name: String  tags", "name: String!  tags", SchemaChangeSeverity.Safe, "FIELD_TYPE_NARROWED", "Image.name" },
            { "name: String  size: Int!", "name: String!  size: Int!", SchemaChangeSeverity.Breaking, "FIELD_CHANGED_KIND", "Filter.name" },
            { "name: String  size: Int!", "name: String  size: Int", SchemaChangeSeverity.Safe, "FIELD_TYPE_WIDENED", "Filter.size" },
            { "size: Int! }", "size: Int!  more: Int! }", SchemaChangeSeverity.Breaking, "REQUIRED_INPUT_FIELD_ADDED", "Filter.more" },
            { "size: Int! }", "size: Int!  more: Int }", SchemaChangeSeverity.Dangerous, "OPTIONAL_INPUT_FIELD_ADDED", "Filter.more" },
            { "(id: ID!, page: Int = 0)", "(page: Int = 0)", SchemaChangeSeverity.Breaking, "ARG_REMOVED", "Query.image(id:)" },
            {
                "(id: ID!, page: Int = 0)",
                "(id: String!, page: Int = 0)",
                SchemaChangeSeverity.Breaking,
                "ARG_CHANGED_KIND",
                "Query.image(id:)"
            },
            {
                "(id: ID!, page: Int = 0)",
                "(id: ID!, page: Int = 0, lang: String!)",
                SchemaChangeSeverity.Breaking,
                "REQUIRED_ARG_ADDED",
                "Query.image(lang:)"
            },
            {
                "(id: ID!, page: Int = 0)",
                "(id: ID!, page: Int = 0, lang: String)",
                SchemaChangeSeverity.Dangerous,
                "OPTIONAL_ARG_ADDED",
                "Query.image(lang:)"
            },
            { "page: Int = 0", "page: Int = 1", SchemaChangeSeverity.Dangerous, "ARG_DEFAULT_VALUE_CHANGE", "Query.image(page:)" },
            { "enum Kind { A B }", "enum Kind { A B C }", SchemaChangeSeverity.Dangerous, "VALUE_ADDED_TO_ENUM", "Kind.C" },
            { "enum Kind { A B }", "enum Kind { A }", SchemaChangeSeverity.Breaking, "VALUE_REMOVED_FROM_ENUM", "Kind.B" },
            {
                "union Item = Image | Other",
                "union Item = Image | Other | Gone",
                SchemaChangeSeverity.Dangerous,
                "TYPE_ADDED_TO_UNION",
                "Item"
            },
            { "union Item = Image | Other", "union Item = Image", SchemaChangeSeverity.Breaking, "TYPE_REMOVED_FROM_UNION", "Item" },
            { "type Image implements Node", "type Image", SchemaChangeSeverity.Breaking, "IMPLEMENTED_INTERFACE_REMOVED", "Image" },
            {
                "old: String }",
                "old: String @deprecated(reason: \"use name\") }",
                SchemaChangeSeverity.Safe,
                "FIELD_DEPRECATED",
                "Image.old"
            },
            { "enum Kind { A B }", "enum Kind { A B @deprecated }", SchemaChangeSeverity.Safe, "VALUE_DEPRECATED", "Kind.B" },
            { "type Other { x: Int }", "type Other { x: Int y: Int }", SchemaChangeSeverity.Safe, "FIELD_ADDED", "Other.y" },
            { "type Gone { x: Int }", "type Gone { x: Int } type New { x: Int }", SchemaChangeSeverity.Safe, "TYPE_ADDED", "New" },
            { "directive @custom(a: String) on FIELD_DEFINITION", "", SchemaChangeSeverity.Breaking, "DIRECTIVE_REMOVED", "@custom" },
            {
                "@custom(a: String) on FIELD_DEFINITION",
                "@custom on FIELD_DEFINITION",
                SchemaChangeSeverity.Breaking,
                "DIRECTIVE_ARG_REMOVED",
                "@custom(a:)"
            },
        };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Each_edit_is_one_change_of_its_kind(
        string find,
        string replace,
        SchemaChangeSeverity severity,
        string kind,
        string coordinate
    )
    {
        var after = Before.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Before, after);

        var report = PyxisSchemaCheck.Check(Before, after, []);

        var change = Assert.Single(report.Changes, c => c.Kind == kind && c.Coordinate == coordinate);
        Assert.Equal(severity, change.Severity);
        Assert.Equal(severity == SchemaChangeSeverity.Breaking, report.HasBreakingChanges);
    }

    [Fact]
    public void The_same_schema_has_no_changes()
    {
        Assert.Empty(PyxisSchemaCheck.Check(Before, Before, []).Changes);
        Assert.Empty(PyxisSchemaCheck.Check(PyxisSchemaCheck.BundledSchema, PyxisSchemaCheck.BundledSchema, []).Changes);
    }

    [Fact]
    public void A_schema_that_does_not_parse_is_a_check_exception_naming_which()
    {
        var ex = Assert.Throws<PyxisSchemaCheckException>(() => PyxisSchemaCheck.Check(Before, "type Query {", []));
        Assert.Contains("new schema", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<PyxisSchemaCheckException>(() => PyxisSchemaCheck.Check("type Image { x: Int }", Before, []));
        Assert.Contains("project schema defines no Query type", ex.Message, StringComparison.Ordinal);

        // A member named twice is invalid SDL too, but the check still runs on the first definition.
        var twice = PyxisSchemaCheck.Check(Before, Before.Replace("x: Int }", "x: Int x: String }", StringComparison.Ordinal), []);
        Assert.DoesNotContain(twice.Changes, c => c.Coordinate == "Other.x");
    }
}
