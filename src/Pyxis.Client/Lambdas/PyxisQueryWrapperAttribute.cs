namespace Pyxis.Client.Lambdas;

/// <summary>
/// Marks a static method of yours that wraps <c>QueryAsync</c>: it takes the query as a <c>Func&lt;PyxisQuery, T&gt;</c>
/// parameter and passes it on (<c>client.QueryAsync(query, ct)</c>). The generator then translates the lambda written
/// where the wrapper is called, intercepts that call to hand the wrapper the translated query, and intercepts the
/// wrapper's own <c>QueryAsync</c> call to send it. The wrapper must be internal or public (the interceptors call it).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PyxisQueryWrapperAttribute : Attribute;
