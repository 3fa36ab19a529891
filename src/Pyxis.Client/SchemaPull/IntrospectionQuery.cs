namespace Pyxis.Client.SchemaPull;

/// <summary>
/// The introspection query, deep enough for Pyxis's nested list and non-null types, asking for descriptions and for
/// deprecations everywhere the spec allows them. Servers that predate deprecated arguments and input fields refuse
/// <c>includeDeprecated</c> there; <see cref="Compatible"/> is the same query without it.
/// </summary>
internal static class IntrospectionQuery
{
    public const string OperationName = "PyxisIntrospection";

    public static string Full { get; } = Build(deprecatedInputs: true);

    public static string Compatible { get; } = Build(deprecatedInputs: false);

    private static string Build(bool deprecatedInputs)
    {
        var include = deprecatedInputs ? "(includeDeprecated: true)" : string.Empty;
        var inputDeprecation = deprecatedInputs ? " isDeprecated deprecationReason" : string.Empty;
        return $$"""
            query PyxisIntrospection {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args{{include}} { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) { name description args{{include}} { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields{{include}} { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue{{inputDeprecation}} }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
            }
            """;
    }
}
