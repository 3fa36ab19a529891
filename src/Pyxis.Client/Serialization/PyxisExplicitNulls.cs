namespace Pyxis.Client.Serialization;

/// <summary>
/// The rule behind a generated input's <c>ExplicitNulls</c>: a property that is null is left out of the request
/// (the server's default applies), unless <c>ExplicitNulls</c> names it, and then it is sent as <c>null</c> (which
/// clears it in an update). The generated writers call these; user code does not need to.
/// </summary>
public static class PyxisExplicitNulls
{
    /// <summary>Whether <paramref name="nulls"/> names <paramref name="property"/> (by its C# property name).</summary>
    /// <param name="nulls">The input's <c>ExplicitNulls</c>.</param>
    /// <param name="property">The C# property name.</param>
    /// <returns>True when the property is to be sent as an explicit null.</returns>
    public static bool Contains(IReadOnlyCollection<string>? nulls, string property) =>
        nulls is not null && nulls.Contains(property, StringComparer.Ordinal);

    /// <summary>Refuses a name that is not a property of the input, or one whose property also has a value.</summary>
    /// <param name="nulls">The input's <c>ExplicitNulls</c>.</param>
    /// <param name="inputType">The GraphQL input type, for the message.</param>
    /// <param name="fields">Each C# property name and whether it holds a value.</param>
    /// <exception cref="ArgumentException">A name is unknown, or names a property that has a value.</exception>
    public static void Check(IReadOnlyCollection<string> nulls, string inputType, ReadOnlySpan<(string Property, bool HasValue)> fields)
    {
        ArgumentNullException.ThrowIfNull(nulls);
        foreach (var name in nulls)
        {
            var known = false;
            foreach (var (property, hasValue) in fields)
            {
                if (string.Equals(property, name, StringComparison.Ordinal))
                {
                    known = true;
                    if (hasValue)
                    {
                        throw new ArgumentException(
                            $"{inputType}.ExplicitNulls names '{name}', which also has a value: set it, or send it as null, not both.",
                            nameof(nulls)
                        );
                    }
                }
            }

            if (!known)
            {
                throw new ArgumentException(
                    $"{inputType}.ExplicitNulls names '{name}', which is not one of its properties (use nameof(…) to name them).",
                    nameof(nulls)
                );
            }
        }
    }
}
