namespace Pyxis.Client;

/// <summary>
/// The client of one named schema (<c>&lt;PyxisSchema Include="schemas/internal.graphql" Name="Internal" /&gt;</c>):
/// the generated <c>InternalPyxisClient</c> implements it. That schema's typed methods extend the generated type alone,
/// so an operation checked against one schema cannot be sent through another schema's client, and
/// <c>services.AddPyxisClient&lt;InternalPyxisClient&gt;(…)</c> can create it with options of its own.
/// </summary>
/// <typeparam name="TSelf">The generated client type.</typeparam>
public interface IPyxisSchemaClient<TSelf>
    where TSelf : class, IPyxisSchemaClient<TSelf>
{
    /// <summary>The schema's <c>Name</c>; dependency injection names the client's options after it.</summary>
    static abstract string SchemaName { get; }

    /// <summary>The client that sends the requests (batches and paging helpers take it).</summary>
    IPyxisClient Client { get; }

    /// <summary>Wraps <paramref name="client"/>, which must send to a service that serves this schema.</summary>
    /// <param name="client">The client that sends the requests.</param>
    /// <returns>The schema's client.</returns>
    static abstract TSelf Create(IPyxisClient client);
}
