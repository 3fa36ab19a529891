using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Writes the lambda-query surface: a data class (and its reader) per object type, and <c>PyxisQuery</c>.</summary>
internal static class SurfaceEmitter
{
    private const string Field = "global::Pyxis.Client.Lambdas.PyxisField";
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string EmitType(SurfaceSpec surface, SurfaceTypeSpec type)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {surface.Namespace}");
        w.Doc("summary", type.Description, $"The <c>{type.SchemaType}</c> type.");
        w.Line("/// <remarks>For lambda queries: a property has a value only when the lambda reads it.</remarks>");
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public sealed partial class {type.Name}");
        foreach (var p in type.Properties)
        {
            w.Doc("summary", p.Docs.Description, $"The <c>{p.ResponseKey}</c> field.");
            if (SourceWriter.Obsolete(p.Docs) is { } obsolete)
            {
                w.Line(obsolete);
            }

            w.Line($"[{Field}({Names.Literal(p.ResponseKey)})]");
            w.Line($"public {TypeNames.Of(p.Type, surface.TypesNamespace, null, input: false)} {p.Name} {{ get; init; }}");
            w.Line();
        }

        w.Close();
        w.Line();
        w.Open("public static partial class PyxisSchemaReaders");
        WriteReader(w, surface, type);
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary><c>PyxisQuery</c> (<paramref name="mutation"/> false) or <c>PyxisMutation</c>.</summary>
    public static string EmitRoot(SurfaceSpec surface, bool mutation)
    {
        var name = mutation ? "PyxisMutation" : "PyxisQuery";
        var w = new SourceWriter().Header();
        w.Open($"namespace {surface.Namespace}");
        w.Line($"/// <summary>The {(mutation ? "Mutation" : "Query")} root for lambda queries: one method per root field, taking its arguments and a selector over its result.</summary>");
        w.Line(TypeNames.GeneratedCode);
        w.Open($"public sealed partial class {name} : global::Pyxis.Client.Lambdas.PyxisQueryRoot");
        w.Line($"private {name}(int calls) : base(calls) {{ }}");
        w.Line();
        w.Line($"private {name}(object?[] answers) : base(answers) {{ }}");
        w.Line();
        w.Line("/// <summary>A root that records the arguments of each call (generated interceptors use it).</summary>");
        w.Line(Hidden);
        w.Line($"public static {name} Recording(int calls) => new(calls);");
        w.Line();
        w.Line("/// <summary>A root over an answer, one value per root field call (generated interceptors use it).</summary>");
        w.Line(Hidden);
        w.Line($"public static {name} Answered(object?[] answers) => new(answers);");
        foreach (var root in mutation ? surface.MutationRoots : surface.Roots)
        {
            w.Line();
            w.Doc("summary", root.Docs.Description, $"The <c>{root.Field}</c> root field.");
            foreach (var argument in root.Arguments)
            {
                w.Doc("param", argument.Description, $"The <c>{argument.Name}</c> argument.", $" name=\"{argument.ParameterName.TrimStart('@')}\"");
            }

            w.Line("/// <param name=\"select\">What to take from the result; only the fields it reads are asked for.</param>");
            if (SourceWriter.Obsolete(root.Docs) is { } obsolete)
            {
                w.Line(obsolete);
            }

            var parameters = root.Arguments.Select(a => $"{TypeNames.Of(a.Type, surface.TypesNamespace, null, input: true)} {a.ParameterName}")
                .Append($"global::System.Func<{root.ResultType}, TResult> select");
            w.Line($"[{Field}({Names.Literal(root.Field)})]");
            w.Line($"public TResult {root.MethodName}<TResult>({string.Join(", ", parameters)}) => IsRecording ? Record<TResult>({string.Join(", ", root.Arguments.Select(a => a.ParameterName))}) : Answer(select);");
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void WriteReader(SourceWriter w, SurfaceSpec surface, SurfaceTypeSpec type)
    {
        w.Line($"/// <summary>Reads a <see cref=\"{type.Name}\"/> (generated interceptors use it).</summary>");
        w.Line(Hidden);
        w.Open($"public static {type.Name}? Read{type.Name}(ref {TypeNames.Reader} reader)");
        ObjectReader.WriteBody(w, type.Properties, type.SchemaType, surface.TypesNamespace);
        w.Line($"return new {type.Name} {{ {string.Join(", ", type.Properties.Select((p, i) => $"{p.Name} = v{i}"))} }};");
        w.Close();
    }
}
