using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;
using Pyxis.Generators.Parsing;
using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Turns a read lambda into its GraphQL document (<c>f0: root_field(arg: $arg__0) { … }</c>, every argument a
/// variable) and checks it with the same validator as <c>.graphql</c> operations.
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
        var declarations = new List<string>();
        var selections = new StringBuilder();
        var aliasField = string.Empty;
        var hasTotal = false;
        var projection = new ProjectionNodes(schema!);
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
            var selection = Selection(schema, type, asked);
            // Named after the argument, numbered by root field the way alias batching numbers them, so a name in
            // PyxisClientOptions.SecretVariables is redacted here too.
            var variables = field
                .Arguments.Select(a => new VariableSpec(
                    $"{a.Name}{Pyxis.Client.Batching.AliasNaming.IndexSeparator}{i}",
                    a.Name,
                    ValueTypes.Input(schema, a.Type),
                    a.HasDefault
                ))
                .ToList();
            declarations.AddRange(field.Arguments.Select((a, j) => $"${variables[j].Name}: {a.Type}"));
            selections.Append($" f{i}: {root.Field}{Arguments(field, variables, string.Empty)} ").Append(selection);
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
                    ? $"{root.Field}{Arguments(field, variables, Pyxis.Client.Batching.AliasNaming.IndexSeparator + Pyxis.Client.Batching.AliasNaming.IndexMarker)} {selection}"
                    : string.Empty;
        }

        var keyword = call.Kind == LambdaKind.Mutation ? "mutation" : "query";
        var document =
            $"{keyword} {name}{(declarations.Count == 0 ? string.Empty : "(" + string.Join(", ", declarations) + ")")} {{{selections} }}";
        return new LambdaSpec(
            call,
            name,
            document,
            surface,
            options.TypesNamespace,
            roots.ToEquatableArray(),
            Check(call, document, schema!)
        )
        {
            AliasField = aliasField,
            TotalProperty = hasTotal ? "Total" : null,
            Nodes = projection.Nodes,
            AliasVariableTypes =
                call.Kind == LambdaKind.Each
                    ? query.FindField(call.Roots[0].Field)!.Arguments.Select(a => a.Type.ToString()).ToEquatableArray()
                    : EquatableArray<string>.Empty,
        };
    }

    private static string Arguments(FieldDef field, List<VariableSpec> variables, string suffix) =>
        field.Arguments.Count == 0
            ? string.Empty
            : "(" + string.Join(", ", field.Arguments.Select((a, j) => $"{a.Name}: ${variables[j].Name}{suffix}")) + ")";

    // A selected object with nothing read below it, or used whole, brings its scalar fields, so the selector can use it
    // as a value; a union or interface always brings __typename (its reader picks the class by it), and a narrowing to
    // a type becomes an inline fragment.
    private static string Selection(SchemaModel schema, TypeDef type, EquatableArray<Selection> selections)
    {
        var selected = new SelectedFields(schema, type, selections);
        var parts = selected.Steps.Select(s => Part(schema, type, s)).Concat(selected.Scalars).ToList();
        // A selector that reads nothing of its root field's result (r => 1, r => Summary(null)) still asks for it.
        if ((type.IsAbstract || parts.Count == 0) && !parts.Contains("__typename"))
        {
            parts.Insert(0, "__typename");
        }

        return "{ " + string.Join(" ", parts) + " }";
    }

    private static string Part(SchemaModel schema, TypeDef type, Selection step)
    {
        if (step.Kind == SelectionKind.OnType && schema.Find(step.Name) is { } condition)
        {
            return $"... on {condition.Name} " + Selection(schema, condition, step.Children);
        }

        return type.FindField(step.Name) is { } field && schema.Find(field.Type.NamedType) is { IsLeaf: false } child
            ? step.Name + " " + Selection(schema, child, step.Children)
            : step.Name;
    }

    private static EquatableArray<DiagnosticInfo> Check(LambdaCall call, string document, SchemaModel schema)
    {
        var text = SourceText.From(document);
        var parsed = GraphQLDocumentParser.Parse(call.FilePath, text, document, out var syntaxError);
        var problems = parsed is null
            ? new List<DiagnosticInfo> { syntaxError! }
            : OperationValidator.Validate(call.FilePath, text, document, parsed, schema, EquatableArray<FragmentFile>.Empty).Diagnostics;
        return problems
            .Where(d => DiagnosticCatalog.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(d => new DiagnosticInfo(
                DiagnosticCatalog.LambdaInvalidQuery.Id,
                call.Location,
                new[] { d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture) }.ToEquatableArray()
            ))
            .ToEquatableArray();
    }
}
