using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>The message tails of an unknown type name: which types it may have meant, and what happens to its variable.</summary>
internal static class TypeSuggestions
{
    /// <summary>Types a fragment may be on: objects, interfaces and unions.</summary>
    public static string Composite(SchemaModel schema, string name) =>
        Suggestions.For(name, schema.Types.Where(t => !t.IsInput).Select(t => t.Name));

    /// <summary>Input types, and that the variable is left out of the generated method until its type is fixed.</summary>
    public static string ForVariable(SchemaModel schema, string name, string variable) =>
        Suggestions.For(name, schema.Types.Where(t => t.IsInput).Select(t => t.Name).Concat(SchemaModel.BuiltInScalars))
        + LeftOut(variable);

    /// <summary>Why a C# call passing this variable no longer compiles: the method has no parameter for it.</summary>
    public static string LeftOut(string variable) =>
        $" The generated method has no parameter for '${variable}' until its type is one the schema defines.";
}
