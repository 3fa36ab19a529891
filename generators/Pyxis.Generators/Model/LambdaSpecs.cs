using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Model;

/// <summary>One root field call in a lambda query: the field and what its selector asks for on the field's result.</summary>
internal sealed record LambdaRoot(string Field, EquatableArray<Selection> Selections)
{
    /// <summary>The C# parameters the call gives (optional ones left out are left out of the document too).</summary>
    public EquatableArray<string> Given { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The path of the field below the root whose arguments are read at run time (<c>data/edges/images@</c>), else null.</summary>
    public string? Hoisted { get; init; }
}

/// <summary>What a <see cref="Selection"/> stands for.</summary>
internal enum SelectionKind
{
    /// <summary>A field, with what is asked below it.</summary>
    Field,

    /// <summary>An inline fragment <c>... on Type</c> (a union or interface narrowed with <c>On&lt;T&gt;()</c>).</summary>
    OnType,

    /// <summary>Every scalar field of the object (it is used as a whole value).</summary>
    AllScalars,
}

/// <summary>
/// One node of a lambda's selection tree, read by the document printer and the projection builder alike: a field
/// (<see cref="Name"/> is the schema field) or an inline fragment (<see cref="Name"/> is the type) with its
/// <see cref="Children"/>, or all scalar fields.
/// </summary>
internal sealed record Selection(SelectionKind Kind, string Name, EquatableArray<Selection> Children)
{
    /// <summary>For a field read with arguments (<c>ImagesWith(page: 1, …)</c>): its alias in the document, else null.</summary>
    public string? Alias { get; init; }

    /// <summary>For a field read with arguments: the constants given, by argument position.</summary>
    public EquatableArray<FieldArgument> Arguments { get; init; } = EquatableArray<FieldArgument>.Empty;

    /// <summary>Every scalar field of the object.</summary>
    public static readonly Selection AllScalars = new(SelectionKind.AllScalars, string.Empty, EquatableArray<Selection>.Empty);

    /// <summary>A field with nothing asked below it.</summary>
    public static Selection Leaf(string field) => new(SelectionKind.Field, field, EquatableArray<Selection>.Empty);
}

/// <summary>A constant given to argument number <see cref="Ordinal"/> of a field below the root, as JSON (null: null).</summary>
internal sealed record FieldArgument(int Ordinal, string? Json)
{
    /// <summary>Whether the value is known only at run time: the field's method writes it in the recording run.</summary>
    public bool Hoisted { get; init; }
}

/// <summary>Which lambda entry point a call is.</summary>
internal enum LambdaKind
{
    /// <summary><c>QueryAsync</c>.</summary>
    Query,

    /// <summary><c>MutateAsync</c>.</summary>
    Mutation,

    /// <summary><c>QueryEachAsync</c>: one root field, alias-batched over inputs.</summary>
    Each,

    /// <summary><c>QueryAllAsync</c>: one paginated root field, every page.</summary>
    All,
}

/// <summary>
/// A <c>QueryAsync</c> call whose lambda was read: where to intercept it (<see cref="Version"/>/<see cref="Data"/> from
/// <c>GetInterceptableLocation</c>), what it asks, and what could not be translated.
/// </summary>
internal sealed record LambdaCall(
    string FilePath,
    int Version,
    string Data,
    LocationInfo Location,
    EquatableArray<LambdaRoot> Roots,
    EquatableArray<DiagnosticInfo> Diagnostics
)
{
    /// <summary>A short hash of the call site's location, which makes the generated class and file unique.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The operation name: the containing type and member (<c>ReleaseGate_CheckAsync</c>, numbered from the second call in one member).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Whether the call is <c>QueryAsync(q => …)</c> / <c>MutateAsync(m => …)</c>, with no variables object.</summary>
    public bool WithoutVariables { get; init; }

    /// <summary>Which entry point was called.</summary>
    public LambdaKind Kind { get; init; } = LambdaKind.Query;

    /// <summary>For a call of a <c>[PyxisQueryWrapper]</c> method with the lambda in place: the wrapper, else null.</summary>
    public WrapperSpec? Wrapper { get; init; }

    /// <summary>Whether this is a wrapper's own <c>QueryAsync(query)</c>, passing on the query it was handed.</summary>
    public bool Forwards { get; init; }
}

/// <summary>
/// A <c>[PyxisQueryWrapper]</c> method as its interceptor repeats it: <c>{ReturnType} {Name}{TypeParameters}({Parameters})
/// {Constraints}</c>, calling <see cref="Target"/> with <see cref="Arguments"/>, where the query parameter's argument is
/// <see cref="QueryParameter"/> wrapped with the result type <see cref="Result"/>.
/// </summary>
internal sealed record WrapperSpec(
    string ReturnType,
    string Name,
    string TypeParameters,
    string Parameters,
    string Constraints,
    string Target,
    EquatableArray<string> Arguments,
    string QueryParameter,
    string Result
)
{
    /// <summary>For a query taken with a variables object (<c>Func&lt;PyxisQuery, TVars, T&gt;</c>): <c>TVars</c>, else null.</summary>
    public string? Variables { get; init; }
}

/// <summary>A root call ready to emit: alias <c>f{index}</c>, its variables (wire name, C# shape) and the record type read.</summary>
internal sealed record LambdaRootSpec(string Field, ValueTypeSpec Result, EquatableArray<VariableSpec> Variables);

/// <summary>A translated call: the checked document and what the interceptor needs to send and read it.</summary>
internal sealed record LambdaSpec(
    LambdaCall Call,
    string OperationName,
    string Document,
    string SurfaceNamespace,
    string TypesNamespace,
    EquatableArray<LambdaRootSpec> Roots,
    EquatableArray<DiagnosticInfo> Diagnostics
)
{
    /// <summary>The generated class (and file): the operation name and the call site's key, unique in the compilation.</summary>
    public string ClassName => OperationName + "_" + Call.Key;

    /// <summary>The call's operation manifest part (written into its generated file), or null when it sends nothing.</summary>
    public ManifestPart? Manifest { get; init; }

    /// <summary>For <c>QueryEachAsync</c>: the one root field with each <c>$variable</c> marked for its alias index.</summary>
    public string AliasField { get; init; } = string.Empty;

    /// <summary>For <c>QueryAllAsync</c>: the result's <c>total</c> property, when its type has one (pages then run concurrently).</summary>
    public string? TotalProperty { get; init; }

    /// <summary>For <c>QueryEachAsync</c>: the variables' GraphQL types, parallel to the root's variables.</summary>
    public EquatableArray<string> AliasVariableTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Variables for the arguments of fields below the root: their names and constant values as JSON.</summary>
    public EquatableArray<FieldArgument> ConstantsJson { get; init; } = EquatableArray<FieldArgument>.Empty;

    /// <summary>The names of <see cref="ConstantsJson"/>'s variables, in the same order.</summary>
    public EquatableArray<string> ConstantNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Per root call with a field below it whose arguments are known only at run time: how its selector reaches it.</summary>
    public EquatableArray<HoistSpec> Hoists { get; init; } = EquatableArray<HoistSpec>.Empty;

    /// <summary>The projection: one node per selected object, read with only the fields the lambda asked for.</summary>
    public EquatableArray<LambdaNodeSpec> Nodes { get; init; } = EquatableArray<LambdaNodeSpec>.Empty;
}

/// <summary>
/// One selected object in a lambda query's answer: a private class deriving from the surface class that stores only
/// the selected <see cref="Properties"/> (types read by other nodes' readers), or for a union/interface the surface
/// value whose <see cref="Variants"/> name the node reading each narrowed type.
/// </summary>
internal sealed record LambdaNodeSpec(
    string Name,
    string SchemaType,
    string SurfaceClass,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<VariantSpec> Variants
)
{
    public bool IsAbstract { get; init; }
}

/// <summary>
/// The objects root call <see cref="Root"/>'s selector is handed in the recording run: one per class of
/// <see cref="Steps"/> (each overriding the property that leads on), the last, of <see cref="OwnerClass"/>, overriding
/// <see cref="Method"/> to write the given arguments as <see cref="Variables"/> (by argument position) and stop.
/// </summary>
internal sealed record HoistSpec(
    int Root,
    EquatableArray<PropertyStep> Steps,
    string OwnerClass,
    SurfaceRootSpec Method,
    EquatableArray<HoistVariable> Variables
);

/// <summary>A surface class on the way to a hoisted call and the property of it that leads on.</summary>
internal sealed record PropertyStep(string SurfaceClass, PropertySpec Property);

/// <summary>The variable argument number <see cref="Ordinal"/> of a hoisted call is written as.</summary>
internal sealed record HoistVariable(int Ordinal, string Name);
