using Microsoft.Extensions.Options;
using Pyxis.Client;
using Pyxis.Client.SchemaCheck;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class PyxisSchemaCheckExtensions
{
    /// <summary>
    /// Adds a health check for a named schema's client (<c>services.AddPyxisClient&lt;InternalPyxisClient&gt;(…)</c>):
    /// it introspects that client's service and reports Degraded, naming them, when its live schema breaks the
    /// operations of that schema the service ships, e.g.
    /// <c>.AddSchemaCheck&lt;InternalPyxisClient&gt;(o => { o.ProjectSchema = File.ReadAllText("schemas/internal.graphql");
    /// o.Operations.AddRange(PyxisOperationManifest.OfSchema("Internal")); })</c>. Its options are named after the schema,
    /// and <see cref="PyxisSchemaHealthCheckOptions.ProjectSchema"/> is required: the bundled schema is the public one.
    /// </summary>
    /// <typeparam name="TClient">The generated client of the schema.</typeparam>
    /// <param name="builder">The builder <c>AddPyxisClient&lt;TClient&gt;</c> returned.</param>
    /// <param name="configure">Sets the operations and the schema they were checked against.</param>
    /// <param name="name">The health check's name; by default <c>pyxis-schema-</c> and the schema's name in lower case.</param>
    /// <param name="tags">The health check's tags.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddSchemaCheck<TClient>(
        this IHttpClientBuilder builder,
        Action<PyxisSchemaHealthCheckOptions> configure,
        string? name = null,
        IEnumerable<string>? tags = null
    )
        where TClient : class, IPyxisSchemaClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var schema = TClient.SchemaName;
        builder
            .Services.AddOptions<PyxisSchemaHealthCheckOptions>(schema)
            .Configure(configure)
            .Validate(
                o => o.ProjectSchema is not null,
                $"The schema health check of '{schema}' needs ProjectSchema: the text of the schema its operations were checked against."
            )
            .ValidateOnStart();
        AddCheck(
            builder.Services,
            schema,
            name ?? "pyxis-schema-" + schema.ToLowerInvariant(),
            provider => provider.GetRequiredService<TClient>().Client,
            tags
        );
        return builder;
    }
}
