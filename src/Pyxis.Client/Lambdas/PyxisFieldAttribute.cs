namespace Pyxis.Client.Lambdas;

/// <summary>
/// The GraphQL field (or, on a class, type) a generated lambda-query member stands for; the generator reads it to
/// translate lambdas.
/// </summary>
/// <param name="name">The field's (or type's) name in the schema.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class PyxisFieldAttribute(string name) : Attribute
{
    /// <summary>The field's name in the schema.</summary>
    public string Name { get; } = name;
}
