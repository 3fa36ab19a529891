using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>
/// Field Selections (spec 5.3.1): the field exists on the parent type (or is <c>__typename</c>, or introspection on Query).
/// </summary>
internal static class FieldsOnCorrectTypeRule
{
    private static readonly FieldDef TypeNameField = new(
        "__typename",
        TypeRef.Named("String", nonNull: true),
        EquatableArray<InputValueDef>.Empty
    );

    /// <summary>The field's definition, or null (reported) when <paramref name="parent"/> has no such field.</summary>
    public static FieldDef? Find(ValidationContext context, TypeDef parent, GraphQLField field)
    {
        var name = field.Name.StringValue;
        var definition =
            name == TypeNameField.Name ? TypeNameField
            : parent.Name == context.Schema.QueryType && Parsing.Introspection.RootField(name) is { } meta ? meta
            : parent.FindField(name);
        if (definition is null)
        {
            context.Report(DiagnosticCatalog.UnknownField, field.Name, name, parent.Name);
        }

        return definition;
    }
}
