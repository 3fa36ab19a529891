using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Pipeline;

/// <summary>Checks an operation file against its own schema: the default one, or the named schema that claimed it.</summary>
internal static class SchemaOperations
{
    /// <summary>An operation file and its named schema (null for a default-schema file).</summary>
    internal sealed record Input(OperationInput Operation, NamedSchema? Named);

    /// <summary>The named schema <paramref name="file"/> belongs to; one whose name was refused is an unusable stand-in.</summary>
    public static NamedSchema? Own(GraphQLFile file, SchemaSet named) =>
        file.Schema is not { } name ? null : named.Find(name) ?? new NamedSchema(name, null, SchemaModel.Unusable(file.Path));

    public static OperationFileResult Process(
        Input input,
        SchemaModel? defaultSchema,
        GeneratorOptions options,
        System.Threading.CancellationToken cancellationToken
    )
    {
        var (file, fragments) = (input.Operation.File, input.Operation.Fragments);
        if (input.Named is not { } named)
        {
            return OperationFileProcessor.Process(file, defaultSchema, fragments, options, cancellationToken);
        }

        // An unusable schema (a parse error, a refused name) has its own error; the file is then left unchecked.
        var result = OperationFileProcessor.Process(file, named.Model, fragments, options.ForSchema(named.Name), cancellationToken);
        return result with
        {
            Schema = named.Name,
            Diagnostics = result.Diagnostics.Select(d => d with { Schema = named.Name }).ToEquatableArray(),
        };
    }
}
