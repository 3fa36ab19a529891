using Pyxis.Generators.Diagnostics;

namespace Pyxis.Generators.Model;

/// <summary>One root field call in a lambda query: the field and the response paths its selector reads (a/b/c).</summary>
internal sealed record LambdaRoot(string Field, EquatableArray<string> Paths);

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
    /// <summary>A short, stable name for the call site, for the operation name and the generated file.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>Whether the call is <c>QueryAsync(q => …)</c> / <c>MutateAsync(m => …)</c>, with no variables object.</summary>
    public bool WithoutVariables { get; init; }

    /// <summary>"query" (<c>QueryAsync</c>), "mutation" (<c>MutateAsync</c>), "each" (<c>QueryEachAsync</c>: alias-batched) or "all" (<c>QueryAllAsync</c>: paged).</summary>
    public string Kind { get; init; } = "query";
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
    /// <summary>For <c>QueryEachAsync</c>: the one root field with each <c>$variable</c> marked for its alias index.</summary>
    public string AliasField { get; init; } = string.Empty;

    /// <summary>For <c>QueryAllAsync</c>: the result's <c>total</c> property, when its type has one (pages then run concurrently).</summary>
    public string? TotalProperty { get; init; }

    /// <summary>For <c>QueryEachAsync</c>: the variables' GraphQL types, parallel to the root's variables.</summary>
    public EquatableArray<string> AliasVariableTypes { get; init; } = EquatableArray<string>.Empty;

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
