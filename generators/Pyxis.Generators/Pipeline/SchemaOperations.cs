using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Pipeline;

/// <summary>Checks an operation file against its own schema: the default one, or the named schema that claimed it.</summary>
internal static class SchemaOperations
{
    public static OperationFileResult Process(
        OperationInput input,
        SchemaModel? defaultSchema,
        SchemaSet named,
        GeneratorOptions options,
        System.Threading.CancellationToken cancellationToken
    )
    {
        if (input.File.Schema is not { } name)
        {
            return OperationFileProcessor.Process(input.File, defaultSchema, input.Fragments, options, cancellationToken);
        }

        // A schema that is not there (its name refused) has its own error; the file is then left unchecked.
        var schema = named.Find(name)?.Model;
        var result = OperationFileProcessor.Process(
            input.File,
            schema ?? SchemaModel.Unusable(input.File.Path),
            input.Fragments,
            options.ForSchema(name),
            cancellationToken
        );
        return result with { Schema = name, Diagnostics = result.Diagnostics.Select(d => d with { Schema = name }).ToEquatableArray() };
    }
}
