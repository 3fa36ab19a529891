using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// Writes a named schema's client: a thin wrapper over an <c>IPyxisClient</c> that the schema's typed methods extend,
/// so an operation can be sent only through a client of its own schema (and its own endpoint).
/// </summary>
internal static class NamedClientEmitter
{
    public static string Emit(NamedTypesSpec schema)
    {
        var name = GeneratorOptions.ClientClass(schema.Name);
        var contract = $"{TypeNames.Runtime}.IPyxisSchemaClient<{name}>";
        var file = System.IO.Path.GetFileName(schema.SchemaPath);
        var w = new SourceWriter().Header();
        w.Open($"namespace {schema.Namespace}");
        w.Line($"/// <summary>");
        w.Line($"/// Sends the operations of the <c>{schema.Name}</c> schema (<c>{file}</c>): its typed methods extend this type only.");
        w.Line(
            $"/// Register it with <c>services.AddPyxisClient&lt;{name}&gt;(o =&gt; …)</c>, or wrap a client: <c>new {name}(new PyxisClient(options))</c>."
        );
        w.Line($"/// </summary>");
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public sealed partial class {name} : {contract}");
        w.Line("/// <summary>The schema's name; also the name of its options in dependency injection.</summary>");
        w.Line($"public const string SchemaName = {Names.Literal(schema.Name)};");
        w.Line();
        w.Line("/// <summary>Wraps <paramref name=\"client\"/>, which must send to a service that serves this schema.</summary>");
        w.Line("/// <param name=\"client\">The client that sends the requests.</param>");
        w.Open($"public {name}({TypeNames.Runtime}.IPyxisClient client)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        w.Line("Client = client;");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public {TypeNames.Runtime}.IPyxisClient Client {{ get; }}");
        w.Line();
        w.Line($"static string {contract}.SchemaName => SchemaName;");
        w.Line();
        w.Open($"static {name} {contract}.Create({TypeNames.Runtime}.IPyxisClient client)");
        w.Line("return new(client);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Sends <paramref name=\"request\"/> (one of this schema's operations) and reads its <c>data</c>.</summary>");
        w.Line("/// <typeparam name=\"TData\">The operation's result.</typeparam>");
        w.Line("/// <param name=\"request\">The request, from an operation's <c>CreateRequest</c>.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        w.Line("/// <returns>The answer's <c>data</c>.</returns>");
        w.OpenList(
            "public global::System.Threading.Tasks.Task<TData> ExecuteAsync<TData>",
            [$"{TypeNames.Runtime}.PyxisRequest<TData> request", "global::System.Threading.CancellationToken cancellationToken = default"]
        );
        w.Line("return Client.ExecuteAsync(request, cancellationToken);");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
