using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Turns a read lambda into its GraphQL syntax tree (<c>f0: root_field(arg: $arg__0) { … }</c>, every argument a
/// variable), checks that tree with the same validator as <c>.graphql</c> operations and prints it as the document.
/// </summary>
internal static class LambdaBuilder
{
    public static LambdaSpec Build(LambdaCall call, SchemaModel? schema, GeneratorOptions options)
    {
        var name = call.Name;
        var surface = options.TypesNamespace + Building.SurfaceBuilder.NamespaceSuffix;
        LambdaSpec Failed(EquatableArray<DiagnosticInfo> problems) =>
            new(call, name, string.Empty, surface, options.TypesNamespace, EquatableArray<LambdaRootSpec>.Empty, problems);
        LambdaSpec Problem(DiagnosticDescriptor descriptor, params string[] arguments) =>
            Failed(new[] { new DiagnosticInfo(descriptor.Id, call.Location, arguments.ToEquatableArray()) }.ToEquatableArray());

        if (call.Forwards)
        {
            return Failed(EquatableArray<DiagnosticInfo>.Empty);
        }

        if (call.Kind is LambdaKind.Each or LambdaKind.All && call.Diagnostics.Count == 0 && call.Roots.Count != 1)
        {
            return Problem(
                DiagnosticCatalog.LambdaEachNeedsOneRoot,
                call.Roots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                call.Kind == LambdaKind.All ? "QueryAllAsync" : "QueryEachAsync"
            );
        }

        var rootType = call.Kind == LambdaKind.Mutation ? schema?.MutationType : schema?.QueryType;
        var query = schema is { IsUsable: true } && rootType is { } q ? schema.Find(q) : null;
        if (query is null || call.Diagnostics.Count > 0)
        {
            return Failed(call.Diagnostics);
        }

        // The surface is the bundled schema's; a project with a schema of its own may lack a field the lambda calls.
        if (call.Roots.FirstOrDefault(r => query.FindField(r.Field) is null) is { } missing)
        {
            return Problem(DiagnosticCatalog.LambdaInvalidQuery, $"{query.Name}.{missing.Field} is not in the schema '{schema!.Path}'");
        }

        var roots = new List<LambdaRootSpec>();
        var declarations = new List<(string, TypeRef)>();
        var fields = new List<GraphQLField>();
        var aliasField = string.Empty;
        var hasTotal = false;
        var projection = new ProjectionNodes(schema!);
        var constants = new List<(string Name, FieldArgument Value)>();
        var hoists = new List<HoistSpec>();
        for (var i = 0; i < call.Roots.Count; i++)
        {
            var root = call.Roots[i];
            var field = query.FindField(root.Field)!;
            var type = schema!.Find(field.Type.NamedType)!;

            // Page 0's total lets the remaining pages be fetched together.
            hasTotal = call.Kind == LambdaKind.All && type.FindField("total") is not null;
            var asked =
                hasTotal && !root.Selections.Any(s => s.Kind == SelectionKind.Field && s.Name == "total")
                    ? root.Selections.Append(Model.Selection.Leaf("total")).ToEquatableArray()
                    : root.Selections;
            var nested = new NestedArguments(i);
            var selection = LambdaDocument.Selection(schema, type, asked, nested);
            // Named after the argument, numbered by root field the way alias batching numbers them, so a name in
            // PyxisClientOptions.SecretVariables is redacted here too.
            var arguments = Given(field, root);
            var variables = arguments
                .Select(a => new VariableSpec(
                    $"{a.Name}{Pyxis.Client.Batching.AliasNaming.IndexSeparator}{i}",
                    a.Name,
                    ValueTypes.Input(schema, a.Type),
                    a.HasDefault
                ))
                .ToList();
            declarations.AddRange(arguments.Select((a, j) => (variables[j].Name, a.Type)));
            declarations.AddRange(nested.Declarations);
            constants.AddRange(nested.Constants);
            if (root.Hoisted is { } hoisted)
            {
                if (HoistPlan.Of(schema, type, i, hoisted, nested.Hoisted) is not { } hoist)
                {
                    return Problem(
                        DiagnosticCatalog.LambdaFieldArguments,
                        hoisted.Split('/').Last().TrimEnd('@'),
                        "the way to it goes through a union or interface, so its arguments cannot be read before the request; pass constants"
                    );
                }

                hoists.Add(hoist);
            }

            var names = variables.Select(v => v.Name).ToList();
            var alias = "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields.Add(LambdaDocument.Root(alias, root.Field, arguments, names, selection));
            roots.Add(
                new LambdaRootSpec(
                    root.Field,
                    projection.Read(ValueTypes.Output(schema, field.Type, Names.Type(field.Type.NamedType)), type, asked),
                    variables.ToEquatableArray()
                )
            );

            // QueryEachAsync repeats this one root field; PyxisAliasBatch numbers each $variable per alias.
            aliasField =
                call.Kind == LambdaKind.Each
                    ? DocumentPrinter.Field(
                        LambdaDocument.Root(null, root.Field, arguments, names, selection),
                        Pyxis.Client.Batching.AliasNaming.IndexSeparator + Pyxis.Client.Batching.AliasNaming.IndexMarker
                    )
                    : string.Empty;
        }

        // QueryEachAsync numbers each root variable per alias; constants below the root would need the same.
        if (call.Kind == LambdaKind.Each && (constants.Count > 0 || hoists.Count > 0))
        {
            return Problem(
                DiagnosticCatalog.LambdaFieldArguments,
                call.Roots[0].Field,
                "QueryEachAsync cannot give fields below the root their arguments; use QueryAsync, or PyxisBatch.InCompletionOrder over it"
            );
        }

        var operation = LambdaDocument.Operation(call.Kind, name, declarations, fields);
        return new LambdaSpec(
            call,
            name,
            DocumentPrinter.Operation(operation),
            surface,
            options.TypesNamespace,
            roots.ToEquatableArray(),
            Check(call, operation, schema!)
        )
        {
            AliasField = aliasField,
            ConstantNames = constants.Select(c => c.Name).ToEquatableArray(),
            ConstantsJson = constants.Select(c => c.Value).ToEquatableArray(),
            Hoists = hoists.ToEquatableArray(),
            TotalProperty = hasTotal ? "Total" : null,
            Nodes = projection.Nodes,
            AliasVariableTypes =
                call.Kind == LambdaKind.Each
                    ? Given(query.FindField(call.Roots[0].Field)!, call.Roots[0]).Select(a => a.Type.ToString()).ToEquatableArray()
                    : EquatableArray<string>.Empty,
        };
    }

    // An optional argument the call leaves out is left out of the document, so the server applies its default.
    private static List<InputValueDef> Given(FieldDef field, LambdaRoot root)
    {
        var names = Building.SurfaceBuilder.ParameterNames(field);
        return field.Arguments.Where((_, j) => root.Given.Contains(names[j])).ToList();
    }

    // The validator's findings point at the C# call: the tree was built from it and has no GraphQL text of its own.
    private static EquatableArray<DiagnosticInfo> Check(LambdaCall call, GraphQLOperationDefinition operation, SchemaModel schema) =>
        OperationValidator
            .Check(operation, schema, call.Location)
            .Where(d => DiagnosticCatalog.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(d => new DiagnosticInfo(
                DiagnosticCatalog.LambdaInvalidQuery.Id,
                call.Location,
                new[] { d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture) }.ToEquatableArray()
            ))
            .ToEquatableArray();
}
