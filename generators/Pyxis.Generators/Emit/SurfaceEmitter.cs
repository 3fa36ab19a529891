using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// Writes the lambda-query surface: a data class per object type (each lambda reads into its own subclass), and
/// <c>PyxisQuery</c>.
/// </summary>
internal static class SurfaceEmitter
{
    private const string Field = "global::Pyxis.Client.Lambdas.PyxisField";
    private const string Hidden =
        "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string EmitType(SurfaceSpec surface, SurfaceTypeSpec type)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {surface.Namespace}");
        w.Doc("summary", type.Description, $"The <c>{type.SchemaType}</c> type.");
        w.Line("/// <remarks>");
        w.Line("/// For lambda queries: each translated lambda reads its answer into its own subclass that stores just the fields it");
        w.Line("/// selected, so an answer costs what it asks for; a field it did not select throws PyxisUnselectedFieldException.");
        w.Line("/// </remarks>");
        w.Line(TypeNames.GeneratedCode);
        w.Line($"[{Field}({Names.Literal(type.SchemaType)})]");
        w.Open($"public abstract partial class {type.Name}");
        w.Line("/// <summary>For the projections generated for lambda queries.</summary>");
        w.Line($"protected {type.Name}() {{ }}");
        foreach (var p in type.Properties)
        {
            w.Line();
            w.Member(p.Docs, $"The <c>{p.ResponseKey}</c> field.");
            w.Line($"[{Field}({Names.Literal(p.ResponseKey)})]");
            w.Line(
                $"public virtual {TypeNames.Of(p.Type, surface.TypesNamespace, null, input: false)} {p.Name} => throw new global::Pyxis.Client.Lambdas.PyxisUnselectedFieldException({Names.Literal(type.SchemaType)}, {Names.Literal(p.ResponseKey)});"
            );
        }

        foreach (var method in type.Methods)
        {
            WriteFieldMethod(w, surface, type, method);
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    // Virtual like the properties: a projection that selects the field with these arguments overrides it.
    private static void WriteFieldMethod(SourceWriter w, SurfaceSpec surface, SurfaceTypeSpec type, SurfaceRootSpec method)
    {
        w.Line();
        w.Doc("summary", method.Docs.Description, $"The <c>{method.Field}</c> field, with its arguments.");
        foreach (var argument in method.Arguments)
        {
            w.Line(
                $"/// <param name=\"{argument.ParameterName.TrimStart('@')}\">The <c>{argument.Name}</c> argument, sent as a variable: a constant, or a value known before the request (not read from the answer).</param>"
            );
        }

        w.Line("/// <param name=\"select\">What to take from the field's value; only the fields it reads are asked for.</param>");
        w.Line($"[{Field}({Names.Literal(method.Field)})]");
        w.List(
            $"public virtual TResult {method.MethodName}<TResult>",
            FieldMethodParameters(surface.TypesNamespace, null, method, defaults: true)
        );
        w.Line(
            $"    => throw new global::Pyxis.Client.Lambdas.PyxisUnselectedFieldException({Names.Literal(type.SchemaType)}, {Names.Literal(method.Field)});"
        );
    }

    /// <summary>
    /// A field method's parameters, object types qualified with <paramref name="owner"/> (null: in the surface's namespace);
    /// <paramref name="defaults"/>: with the optional ones' defaults, as declared.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<string> FieldMethodParameters(
        string ns,
        string? owner,
        SurfaceRootSpec method,
        bool defaults
    )
    {
        var optionalFrom = defaults ? OptionalFrom(method) : method.Arguments.Count;
        return method
            .Arguments.Select(
                (a, i) =>
                    $"{TypeNames.Of(a.Type, ns, owner, input: true)} {a.ParameterName}{(i >= optionalFrom ? " = null" : string.Empty)}"
            )
            .Append(
                $"global::System.Func<{TypeNames.Of(method.Result with { Nullable = false }, ns, owner, input: false)}, TResult> select{(optionalFrom < method.Arguments.Count ? " = null!" : string.Empty)}"
            );
    }

    /// <summary><c>PyxisQuery</c> (<paramref name="mutation"/> false) or <c>PyxisMutation</c>.</summary>
    public static string EmitRoot(SurfaceSpec surface, bool mutation)
    {
        var name = mutation ? "PyxisMutation" : "PyxisQuery";
        var w = new SourceWriter().Header();
        w.Open($"namespace {surface.Namespace}");
        w.Line(
            $"/// <summary>The {(mutation ? "Mutation" : "Query")} root for lambda queries: one method per root field, taking its arguments and a selector over its result.</summary>"
        );
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
                w.Doc(
                    "param",
                    argument.Description,
                    $"The <c>{argument.Name}</c> argument.",
                    $" name=\"{argument.ParameterName.TrimStart('@')}\""
                );
            }

            w.Line("/// <param name=\"select\">What to take from the result; only the fields it reads are asked for.</param>");
            if (SourceWriter.Obsolete(root.Docs) is { } obsolete)
            {
                w.Line(obsolete);
            }

            WriteRoot(w, surface, root);
            if (root.Arguments.Any(a => a.Type.Nullable))
            {
                WriteRequiredOnly(w, surface, root);
            }
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    public static string EmitAbstract(SurfaceSpec surface, SurfaceAbstractSpec type)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {surface.Namespace}");
        w.Line(
            $"/// <summary>A <c>{type.SchemaType}</c> value: one of {string.Join(", ", type.Members.Select(m => $"<see cref=\"{m.RecordName}\"/>"))}, or a type added later.</summary>"
        );
        w.Line(TypeNames.GeneratedCode);
        w.Line($"[{Field}({Names.Literal(type.SchemaType)})]");
        w.Open($"public sealed partial class {type.Name}");
        w.Line("private readonly object? value;");
        w.Line();
        w.Line("// A value of a type the lambda did not narrow to: its fields were not asked, so there is no object to hand out.");
        w.Line("private readonly bool notNarrowed;");
        w.Line();
        w.Line("/// <summary>A value with <see cref=\"Typename\"/> and <see cref=\"Value\"/> set by initializers.</summary>");
        w.Line($"public {type.Name}() {{ }}");
        w.Line();
        w.Open($"private {type.Name}(string typename, bool notNarrowed)");
        w.Line("Typename = typename;");
        w.Line("this.notNarrowed = notNarrowed;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The value's type, as the server names it.</summary>");
        w.Line($"[{Field}(\"__typename\")]");
        w.Line("public string Typename { get; init; } = string.Empty;");
        w.Line();
        w.Line(
            "/// <summary>The value as read: an instance of the class of <see cref=\"Typename\"/>, or null for a type added after this schema; for a type the lambda did not narrow to with On, it throws PyxisUnselectedFieldException.</summary>"
        );
        w.Line(Hidden);
        w.Open("public object? Value");
        w.Line("get => notNarrowed ? throw NotNarrowed() : value;");
        w.Line("init => this.value = value;");
        w.Close();
        WriteNarrowing(w, type);
        w.Close();
        w.Close();
        return w.ToString();
    }

    // On<T>() of the value's own type and Value throw for a value the lambda did not narrow to: over the whole answer
    // they are the object, so null would be a different value. On<T>() of any other type is null either way.
    private static void WriteNarrowing(SourceWriter w, SurfaceAbstractSpec type)
    {
        w.Line();
        w.Line(
            "/// <summary>A value of type <paramref name=\"typename\"/> that a lambda did not narrow to (generated projections use it).</summary>"
        );
        w.Line("/// <param name=\"typename\">The value's type, as the server names it.</param>");
        w.Line("/// <returns>The value, whose <see cref=\"Value\"/> throws when it is of a type this schema knows.</returns>");
        w.Line(Hidden);
        w.Line($"public static {type.Name} NotNarrowedTo(string typename) => new(typename, ClassOf(typename) is not null);");
        w.Line();
        w.Line(
            "/// <summary>The value when it is a <typeparamref name=\"T\"/>, else null; in a lambda, the fields read after it are asked for on that type only.</summary>"
        );
        w.Line("/// <typeparam name=\"T\">The class of the type to narrow to.</typeparam>");
        w.Line("/// <returns>The value as a <typeparamref name=\"T\"/>, or null when it is of another type.</returns>");
        w.Line("public T? On<T>()");
        w.Open("    where T : class");
        w.Open("if (notNarrowed && ClassOf(Typename) is { } actual && typeof(T).IsAssignableFrom(actual))");
        w.Line("throw NotNarrowed();");
        w.Close();
        w.Line();
        w.Line("return value as T;");
        w.Close();
        w.Line();
        w.Line("private global::Pyxis.Client.Lambdas.PyxisUnselectedFieldException NotNarrowed() =>");
        w.Line(
            $"    global::Pyxis.Client.Lambdas.PyxisUnselectedFieldException.NotNarrowed({Names.Literal(type.SchemaType)}, Typename, ClassOf(Typename)?.Name ?? Typename);"
        );
        w.Line();
        w.Line("private static global::System.Type? ClassOf(string typename) =>");
        w.Line("    typename switch");
        w.Line("    {");
        foreach (var member in type.Members)
        {
            w.Line($"        {Names.Literal(member.SchemaType)} => typeof({member.RecordName}),");
        }

        w.Line("        _ => null,");
        w.Line("    };");
    }

    // Nullable arguments after the last required one are C# optional parameters (not given: left out of the document),
    // so the selector, last, is optional too; the generator reports a call that leaves it out.
    private static void WriteRoot(SourceWriter w, SurfaceSpec surface, SurfaceRootSpec root)
    {
        var optionalFrom = OptionalFrom(root);
        var parameters = root
            .Arguments.Select(
                (a, i) =>
                    $"{TypeNames.Of(a.Type, surface.TypesNamespace, null, input: true)} {a.ParameterName}{(i >= optionalFrom ? " = null" : string.Empty)}"
            )
            .Append($"{Selector(surface, root)} select{(optionalFrom < root.Arguments.Count ? " = null!" : string.Empty)}");
        w.Line($"[{Field}({Names.Literal(root.Field)})]");
        w.OpenList($"public TResult {root.MethodName}<TResult>", parameters);
        WriteRootBody(w, surface, root);
        w.Close();
    }

    // The overload without the nullable arguments, so q.Field(required…, r => …) needs no names for what it leaves out.
    private static void WriteRequiredOnly(SourceWriter w, SurfaceSpec surface, SurfaceRootSpec root)
    {
        var required = root.Arguments.Where(a => !a.Type.Nullable).ToList();
        w.Line();
        w.Line($"/// <summary>The <c>{root.Field}</c> root field without its nullable arguments (left out of the document).</summary>");
        foreach (var argument in required)
        {
            w.Line($"/// <param name=\"{argument.ParameterName.TrimStart('@')}\">The <c>{argument.Name}</c> argument.</param>");
        }

        w.Line("/// <param name=\"select\">What to take from the result; only the fields it reads are asked for.</param>");
        if (SourceWriter.Obsolete(root.Docs) is { } obsolete)
        {
            w.Line(obsolete);
        }

        var parameters = required
            .Select(a => $"{TypeNames.Of(a.Type, surface.TypesNamespace, null, input: true)} {a.ParameterName}")
            .Append($"{Selector(surface, root)} select");
        // Every argument by position, so this calls the overload above, never itself.
        var passed = root.Arguments.Select(a => a.Type.Nullable ? "null" : a.ParameterName).Append("select");
        w.Line($"[{Field}({Names.Literal(root.Field)})]");
        w.List($"public TResult {root.MethodName}<TResult>", parameters);
        w.Line($"    => {root.MethodName}<TResult>({string.Join(", ", passed)});");
    }

    private static string Selector(SurfaceSpec surface, SurfaceRootSpec root) =>
        $"global::System.Func<{TypeNames.Of(root.Result with { Nullable = false }, surface.TypesNamespace, null, input: false)}, TResult>";

    /// <summary>The index of the first argument of the trailing run of nullable ones (C# optional parameters).</summary>
    public static int OptionalFrom(SurfaceRootSpec root)
    {
        var from = root.Arguments.Count;
        while (from > 0 && root.Arguments[from - 1].Type.Nullable)
        {
            from--;
        }

        return from;
    }

    // The recording run writes each argument as the variable <name>__<call> (a null one is left out, so the server
    // applies the argument's default); the answering run hands the selector this call's answer.
    private static void WriteRootBody(SourceWriter w, SurfaceSpec surface, SurfaceRootSpec root)
    {
        w.Open("if (!IsRecording)");
        w.Line("return Answer(select);");
        w.Close();
        w.Line();
        w.Line("var pyxisWriter = RecordCall(out var pyxisCall);");
        for (var i = 0; i < root.Arguments.Count; i++)
        {
            var argument = root.Arguments[i];
            var type = argument.Type with { Nullable = false };
            var value = "pyxisValue" + i;
            w.Open(
                !argument.Type.Nullable && TypeNames.IsValueType(argument.Type)
                    ? $"if ({argument.ParameterName} is var {value})"
                    : $"if ({argument.ParameterName} is {TypeNames.Of(type, surface.TypesNamespace, null, input: true)} {value})"
            );
            w.Line($"WriteVariableName(pyxisWriter, {Names.Literal(argument.Name)}u8, pyxisCall);");
            w.Line(JsonCode.Write(type, "pyxisWriter", value, surface.TypesNamespace));
            w.Close();
        }

        // Only where the interceptor handed it a way to a field whose arguments are known at run time.
        w.Line("RecordSelector(select, pyxisCall);");
        w.Line("return default!;");
    }
}
