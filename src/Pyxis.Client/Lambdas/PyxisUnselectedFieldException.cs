namespace Pyxis.Client.Lambdas;

/// <summary>
/// A lambda query's result was asked for a field its lambda did not select. Each lambda reads its answer into objects
/// holding only the fields it asked for; a field it did not ask for throws this rather than reading as <c>null</c>,
/// so a lambda answers what the same C# computes over the whole object, or throws, never a different value.
/// </summary>
public sealed class PyxisUnselectedFieldException : InvalidOperationException
{
    /// <summary>The exception for <paramref name="field"/> of <paramref name="type"/>, with how to get it selected.</summary>
    /// <param name="type">The schema type, e.g. <c>ContainerRepository</c>.</param>
    /// <param name="field">The schema field, e.g. <c>repository</c>.</param>
    public PyxisUnselectedFieldException(string type, string field)
        : base(
            $"{type}.{field} was not selected by the lambda query this object came from, so it has no value here. A lambda asks "
                + $"only for the fields its selectors read: read '{field}' inside the selector (or in a [PyxisFragment] method it calls), "
                + "or return its parent object itself from the selector, which brings every scalar field of it."
        )
    {
        TypeName = type;
        FieldName = field;
    }

    private PyxisUnselectedFieldException(string type, string field, string message)
        : base(message)
    {
        TypeName = type;
        FieldName = field;
    }

    /// <summary>
    /// The exception for a <paramref name="abstractType"/> value of type <paramref name="type"/> read whole (its
    /// <c>Value</c>, or <c>On&lt;T&gt;()</c> of its own type) by a lambda that did not narrow to that type, so none
    /// of its fields were asked. <see cref="FieldName"/> is the inline fragment that would have asked them.
    /// </summary>
    /// <param name="abstractType">The union or interface, e.g. <c>_Entity</c>.</param>
    /// <param name="type">The value's schema type, e.g. <c>ProductListingFederated</c>.</param>
    /// <param name="className">The C# class of <paramref name="type"/>, named in the advice (<c>On&lt;ProductListingFederated&gt;()</c>).</param>
    /// <returns>The exception to throw.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static PyxisUnselectedFieldException NotNarrowed(string abstractType, string type, string className) =>
        new(
            abstractType,
            "... on " + type,
            $"This {abstractType} value is a {type}, but the lambda query it came from did not narrow to {type}, so none of its "
                + $"fields were asked and it has no value here. Narrow it inside the selector with On<{className}>() and read the "
                + $"fields you need there (x.On<{className}>()?.Field); reading Value is not followed."
        );

    /// <summary>The schema type whose field was read.</summary>
    public string TypeName { get; }

    /// <summary>The schema field that was not selected.</summary>
    public string FieldName { get; }
}
