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
        var declarations = new List<string>();
        var selections = new StringBuilder();
        var aliasField = string.Empty;
        var hasTotal = false;
        var projection = new ProjectionNodes(schema!);
        var constants = new List<(string Name, FieldArgument Value)>();
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
            var selection = Selection(schema, type, asked, nested);
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
            declarations.AddRange(arguments.Select((a, j) => $"${variables[j].Name}: {a.Type}"));
            declarations.AddRange(nested.Declarations);
            constants.AddRange(nested.Constants);
            selections.Append($" f{i}: {root.Field}{Arguments(arguments, variables, string.Empty)} ").Append(selection);
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
                    ? $"{root.Field}{Arguments(arguments, variables, Pyxis.Client.Batching.AliasNaming.IndexSeparator + Pyxis.Client.Batching.AliasNaming.IndexMarker)} {selection}"
                    : string.Empty;
        }

        // QueryEachAsync numbers each root variable per alias; constants below the root would need the same.
        if (call.Kind == LambdaKind.Each && constants.Count > 0)
        {
            return Problem(
                DiagnosticCatalog.LambdaFieldArguments,
                call.Roots[0].Field,
                "QueryEachAsync cannot give fields below the root their arguments; use QueryAsync, or PyxisBatch.InCompletionOrder over it"
            );
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
            ConstantNames = constants.Select(c => c.Name).ToEquatableArray(),
            ConstantsJson = constants.Select(c => c.Value).ToEquatableArray(),
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

    private static string Arguments(List<InputValueDef> arguments, List<VariableSpec> variables, string suffix) =>
        arguments.Count == 0
            ? string.Empty
            : "(" + string.Join(", ", arguments.Select((a, j) => $"{a.Name}: ${variables[j].Name}{suffix}")) + ")";

    // A selected object with nothing read below it, or used whole, brings its scalar fields, so the selector can use it
    // as a value; a union or interface always brings __typename (its reader picks the class by it), and a narrowing to
    // a type becomes an inline fragment.
    private static string Selection(SchemaModel schema, TypeDef type, EquatableArray<Selection> selections, NestedArguments nested)
    {
        var selected = new SelectedFields(schema, type, selections);
        var parts = selected.Steps.Select(s => Part(schema, type, s, nested)).Concat(selected.Scalars).ToList();
        // A selector that reads nothing of its root field's result (r => 1, r => Summary(null)) still asks for it.
        if ((type.IsAbstract || parts.Count == 0) && !parts.Contains("__typename"))
        {
            parts.Insert(0, "__typename");
        }

        return "{ " + string.Join(" ", parts) + " }";
    }

    private static string Part(SchemaModel schema, TypeDef type, Selection step, NestedArguments nested)
    {
        if (step.Kind == SelectionKind.OnType && schema.Find(step.Name) is { } condition)
        {
            return $"... on {condition.Name} " + Selection(schema, condition, step.Children, nested);
        }

        if (type.FindField(step.Name) is not { } field || schema.Find(field.Type.NamedType) is not { IsLeaf: false } child)
        {
            return step.Name;
        }

        var head = step.Alias is { } alias ? $"{alias}: {step.Name}{nested.Arguments(field, step)}" : step.Name;
        return head + " " + Selection(schema, child, step.Children, nested);
    }

    // The arguments of fields below root field number `root`: each a variable `<argument>__<root>_<n>`, declared with
    // the schema's type and sent with the constant the lambda gives.
    private sealed class NestedArguments(int root)
    {
        public List<string> Declarations { get; } = new();

        public List<(string Name, FieldArgument Value)> Constants { get; } = new();

        public string Arguments(FieldDef field, Selection step)
        {
            var parts = new List<string>();
            foreach (var given in step.Arguments.Where(a => a.Ordinal < field.Arguments.Count))
            {
                var argument = field.Arguments[given.Ordinal];
                var name = $"{argument.Name}{Pyxis.Client.Batching.AliasNaming.IndexSeparator}{root}_{Constants.Count}";
                Declarations.Add($"${name}: {argument.Type}");
                Constants.Add((name, given));
                parts.Add($"{argument.Name}: ${name}");
            }

            return parts.Count == 0 ? string.Empty : "(" + string.Join(", ", parts) + ")";
        }
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
