namespace Pyxis.Client.Lambdas;

/// <summary>
/// Marks a method that projects a selected value (<c>static Summary Of(ContainerRepository r) => new(r.Repository, r.Published)</c>)
/// so a lambda query that calls it asks for exactly the fields it reads, as a GraphQL fragment would. Without the
/// attribute a value passed to a method is asked for whole (all its scalar fields). Declare it in the same file as the
/// lambdas that use it, so editing it re-translates them.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PyxisFragmentAttribute : Attribute;
