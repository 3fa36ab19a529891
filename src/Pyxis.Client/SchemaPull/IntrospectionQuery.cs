namespace Pyxis.Client.SchemaPull;

/// <summary>The standard introspection query, deep enough for Pyxis's nested list and non-null types.</summary>
internal static class IntrospectionQuery
{
    public const string OperationName = "PyxisIntrospection";

    public const string Document = """
        query PyxisIntrospection {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name
          fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
        }
        """;
}
