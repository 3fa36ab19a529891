using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Pyxis.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are stable: users suppress and search by them.</summary>
internal static class DiagnosticCatalog
{
    private const string Category = "Pyxis.GraphQL";

    // One argument per line for every descriptor, short or long, so they read as a table; CSharpier would join the
    // short ones back onto one line.
    // csharpier-ignore-start
    public static readonly DiagnosticDescriptor SyntaxError = Error(
        "PYX001",
        "GraphQL syntax error",
        "GraphQL syntax error: {0}"
    );
    public static readonly DiagnosticDescriptor SchemaMissing = Error(
        "PYX002",
        "No Pyxis schema",
        "Operation file '{0}' has no schema to be checked against: add 'pyxis.graphql' (or a '*.schema.graphql' file, or AdditionalFiles metadata PyxisRole=\"Schema\")"
    );
    public static readonly DiagnosticDescriptor InvalidSchema = Error(
        "PYX003",
        "Invalid schema",
        "The schema is invalid: {0}"
    );
    public static readonly DiagnosticDescriptor UnknownType = Error(
        "PYX004",
        "Unknown type",
        "Unknown type '{0}'{1}"
    );
    public static readonly DiagnosticDescriptor UnknownField = Error(
        "PYX005",
        "Unknown field",
        "Field '{0}' does not exist on type '{1}'{2}"
    );
    public static readonly DiagnosticDescriptor UnknownArgument = Error(
        "PYX006",
        "Unknown argument",
        "Field '{0}' has no argument '{1}'{2}"
    );
    public static readonly DiagnosticDescriptor VariableTypeMismatch = Error(
        "PYX007",
        "Wrong variable type",
        "Variable '${0}' of type '{1}' cannot be passed to '{2}' of type '{3}'"
    );
    public static readonly DiagnosticDescriptor ArgumentTypeMismatch = Error(
        "PYX008",
        "Wrong argument value",
        "Value {0} is not a valid '{1}' for '{2}'"
    );
    public static readonly DiagnosticDescriptor MissingArgument = Error(
        "PYX009",
        "Missing required argument",
        "Field '{0}' requires argument '{1}' of type '{2}'"
    );
    public static readonly DiagnosticDescriptor SelectionOnLeaf = Error(
        "PYX010",
        "Selection on a leaf field",
        "Field '{0}' of type '{1}' is a leaf and cannot have a selection"
    );
    public static readonly DiagnosticDescriptor MissingSelection = Error(
        "PYX011",
        "Missing selection",
        "Field '{0}' of type '{1}' must have a selection of subfields"
    );
    public static readonly DiagnosticDescriptor UndeclaredVariable = Error(
        "PYX012",
        "Undeclared variable",
        "Variable '${0}' is not declared by operation '{1}'"
    );
    public static readonly DiagnosticDescriptor UnusedVariable = Error(
        "PYX013",
        "Unused variable",
        "Variable '${0}' is declared but never used by operation '{1}'"
    );
    public static readonly DiagnosticDescriptor UnnamedOperation = Error(
        "PYX014",
        "Unnamed operation",
        "Every operation needs a name: it becomes the C# method name"
    );
    public static readonly DiagnosticDescriptor DuplicateOperation = Error(
        "PYX015",
        "Duplicate operation name",
        "Operation name '{0}' is used more than once (also in '{1}')"
    );
    public static readonly DiagnosticDescriptor FragmentTypeMismatch = Error(
        "PYX016",
        "Fragment on wrong type",
        "Fragment '{0}' on type '{1}' cannot be spread where type '{2}' is selected"
    );
    public static readonly DiagnosticDescriptor UnknownFragment = Error(
        "PYX017",
        "Unknown fragment",
        "Unknown fragment '{0}': no operation file defines it"
    );
    public static readonly DiagnosticDescriptor InternalError = Error(
        "PYX018",
        "Internal generator error",
        "The Pyxis generator failed on '{0}': {1}. Please report this with the file."
    );
    public static readonly DiagnosticDescriptor NotInputType = Error(
        "PYX019",
        "Variable of a non-input type",
        "Variable '${0}' has type '{1}', which is not an input type; the generated method has no parameter for it"
    );
    public static readonly DiagnosticDescriptor ConflictingSelection = Error(
        "PYX020",
        "Conflicting selections",
        "Response key '{0}' selects different fields ('{1}' and '{2}'); use an alias"
    );
    public static readonly DiagnosticDescriptor UnsupportedOperation = Error(
        "PYX021",
        "Unsupported operation type",
        "Operation type '{0}' is not supported by the schema or the SDK"
    );
    public static readonly DiagnosticDescriptor UnsupportedDirective = Error(
        "PYX022",
        "Unsupported directive",
        "Directive '@{0}' is not supported here: operations may use only @include and @skip, on fields"
    );
    public static readonly DiagnosticDescriptor DuplicateVariable = Error(
        "PYX023",
        "Duplicate variable",
        "Variable '${0}' is declared more than once"
    );
    public static readonly DiagnosticDescriptor DuplicateArgument = Error(
        "PYX024",
        "Duplicate argument",
        "Argument '{0}' is given more than once"
    );

    public static readonly DiagnosticDescriptor FragmentCycle = Error(
        "PYX025",
        "Fragment cycle",
        "Fragment '{0}' spreads itself"
    );

    public static readonly DiagnosticDescriptor SeveralSchemas = Error(
        "PYX026",
        "More than one schema",
        "More than one schema file for {0}: {1}; {2}"
    );

    public static readonly DiagnosticDescriptor DuplicateFragment = Error(
        "PYX027",
        "Duplicate fragment name",
        "Fragment '{0}' is already defined at {1}; fragment names are shared by all operation files"
    );

    public static readonly DiagnosticDescriptor NonExecutableDefinition = Error(
        "PYX028",
        "Not an operation or fragment",
        "'{0}' is a schema definition; an operation file may hold only operations and fragments (schema changes belong in the schema file)"
    );

    public static readonly DiagnosticDescriptor UnusedFragment = Error(
        "PYX029",
        "Unused fragment",
        "Fragment '{0}' is not spread by any operation; remove it or spread it"
    );

    public static readonly DiagnosticDescriptor DuplicateDirective = Error(
        "PYX030",
        "Duplicate directive",
        "Directive '@{0}' is given more than once here"
    );

    public static readonly DiagnosticDescriptor DuplicateInputField = Error(
        "PYX031",
        "Duplicate input field",
        "Input field '{0}' is given more than once in this object"
    );

    public static readonly DiagnosticDescriptor DeprecatedUse = new(
        "PYX032",
        "Deprecated schema member",
        "'{0}' is deprecated: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor ReservedOperation = Error(
        "PYX033",
        "Operation name taken by the package",
        "Operation '{0}' has the name of one {2} already provides (its '{1}Async' method); call that method, or rename this operation"
    );

    public static readonly DiagnosticDescriptor UnknownSchemaClaim = Error(
        "PYX034",
        "Operation file of no schema",
        "Operation file '{0}' belongs to schema '{1}', which the project does not define (its named schemas: {2}).{3} Name one of them in the item's Schema metadata, leave Schema out for the default schema, or add <PyxisSchema Include=\"….graphql\" Name=\"{1}\" />"
    );

    public static readonly DiagnosticDescriptor TwoSchemaClaims = Error(
        "PYX035",
        "Operation file of two schemas",
        "Operation file '{0}' is in the operations folder of both schema '{1}' and schema '{2}'; give the schemas different OperationsFolder metadata, or list the file as <PyxisOperation Include=\"…\" Schema=\"…\" />"
    );

    public static readonly DiagnosticDescriptor InvalidSchemaName = Error(
        "PYX036",
        "Schema name not usable",
        "Schema name '{0}' ({1}) is not usable: it names the generated namespace and client type ('{0}PyxisClient'), so it must be a C# identifier starting with a letter"
    );

    public static readonly DiagnosticDescriptor LambdaNotALambda = new(
        "PYX101",
        "Query lambda not inline",
        "'{0}' is not a lambda written in place; pass the query as an inline lambda (not a variable or a method group) so it can be translated at build time, or, in a wrapper of your own that passes on its query parameter, mark the wrapper [PyxisQueryWrapper] and call it with the lambda in place",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaConditionalRoot = new(
        "PYX102",
        "Root field under a condition",
        "Root field '{0}' is called under a condition, a loop, another lambda or after a return that may skip it; call each root field once, on every path, before any return (select with a variable instead)",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaNoRootField = new(
        "PYX103",
        "No root field",
        "The query lambda calls no root field on '{0}'; call one, for example {0}.GetRepositoryByRegistryPath(v.Registry, v.Path, r => r.Data)",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaMethodOnValue = new(
        "PYX104",
        "Method call on a selected value",
        "'{0}' calls a method on a selected value, which cannot be translated to GraphQL; read its fields and compute with them instead",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaInvalidQuery = new(
        "PYX105",
        "Lambda query not valid",
        "The query this lambda makes is not valid against the schema: {0}",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaEachNeedsOneRoot = new(
        "PYX106",
        "Batched or paged lambda with several root fields",
        "{1} repeats one root field (per input or per page), but this lambda calls {0}; call exactly one",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );
    // csharpier-ignore-end

    public static readonly DiagnosticDescriptor LambdaResultUsedEarly = new(
        "PYX107",
        "Root field result computed on outside its selector",
        "'{0}' computes with the result of root field '{1}' outside its selector, but the query lambda first runs without answers to record its arguments, so this would run on a placeholder; compute inside the selector (q.Field(…, r => …)) or on the lambda query's result after the await",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaArgumentFromAnswer = new(
        "PYX108",
        "Root field argument taken from an answer",
        "An argument of root field '{1}' is computed from the result of root field '{0}', but every root field of a lambda is asked in one request; make two lambda queries, the second given the first one's result",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaRootEscapes = new(
        "PYX109",
        "Query root used other than to call a root field",
        "'{0}' uses '{1}' other than to call a root field on it; only the root field calls written in the query lambda are translated (a method given '{1}' is not read), so call them in the lambda and pass their results on",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaNoSelector = new(
        "PYX115",
        "Root field without a selector",
        "Root field '{0}' is called without a selector; pass what to take from its result last, or by name (select: r => r.Data)",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaFieldArguments = new(
        "PYX116",
        "Field arguments that cannot be sent",
        "Field '{0}' is given its arguments in a way that cannot be sent: {1}",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaWrapper = new(
        "PYX117",
        "Query wrapper that cannot be intercepted",
        "'{0}' cannot be intercepted as a query wrapper: {1}",
        "Pyxis.Lambdas",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true
    );

    public static readonly DiagnosticDescriptor LambdaDeconstructedObject = Lambda(
        "PYX120",
        "Schema object deconstructed",
        "'{0}' deconstructs a schema object through Deconstruct, which the generator does not read, so the fields it reads would not be asked; match it with a property pattern instead ({{ Data: var d, Error: var e }})"
    );

    public static readonly DiagnosticDescriptor LambdaStoredObject = Lambda(
        "PYX121",
        "Schema object stored outside the selector",
        "'{0}' stores a schema object in a field, property, array element or variable outside the selector, where what is read from it later is not followed; return it (or what you need from it) from the selector instead"
    );

    public static readonly DiagnosticDescriptor LambdaObjectPassedOn = Lambda(
        "PYX122",
        "Schema object passed to a method that is not read",
        "'{0}' passes a schema object to '{1}', whose body the generator does not read, so the fields it reads would not be asked; mark '{1}' [PyxisFragment] (its body is then read like the selector), or pass it the fields it needs"
    );

    public static readonly DiagnosticDescriptor LambdaObjectToDelegate = Lambda(
        "PYX123",
        "Schema object passed to a delegate",
        "'{0}' passes a schema object to a delegate, whose lambda the generator does not follow; write the lambda inline where it is used (list.Select(i => …)), or make it a [PyxisFragment] method"
    );

    public static readonly DiagnosticDescriptor LambdaUnionValue = Lambda(
        "PYX124",
        "Union value read without narrowing",
        "'{0}' reads Value of a {1}, which asks none of its fields; narrow it with On<T>() instead (x.On<ProductListingFederated>()?.Name asks '... on ProductListingFederated {{ name }}')"
    );

    public static readonly DiagnosticDescriptor LambdaObjectNotFollowed = Lambda(
        "PYX125",
        "Schema object the generator cannot follow",
        "'{0}' {1}, so the fields read through it would not be asked; {2}"
    );

    private static readonly Dictionary<string, DiagnosticDescriptor> All = typeof(DiagnosticCatalog)
        .GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    /// <summary>
    /// The descriptor with the schema named at the end of its message: with several schemas, "field does not exist"
    /// must say in which one. Same id, so suppressions and severities still apply.
    /// </summary>
    public static DiagnosticDescriptor ForSchema(string id, string schema)
    {
        var d = All[id];
        return new DiagnosticDescriptor(
            d.Id,
            d.Title,
            d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " (schema '"
                + schema.Replace("{", "{{").Replace("}", "}}")
                + "')",
            d.Category,
            d.DefaultSeverity,
            d.IsEnabledByDefault,
            d.Description,
            d.HelpLinkUri,
            System.Linq.Enumerable.ToArray(d.CustomTags)
        );
    }

    private static DiagnosticDescriptor Lambda(string id, string title, string message) =>
        new(id, title, message, "Pyxis.Lambdas", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
