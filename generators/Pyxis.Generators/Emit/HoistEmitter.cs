using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// The objects a selector is handed in the recording run when a field below its root is given arguments known only at
/// run time (<see cref="HoistSpec"/>): each leads to the next along the path, and the last's field method writes the
/// arguments it is called with as variables, then stops the selector, which never sees a value of the answer.
/// </summary>
internal static class HoistEmitter
{
    /// <summary>Hands each such root call its first object (in <c>Request</c>, before the lambda's recording run).</summary>
    public static void Start(SourceWriter w, LambdaSpec spec)
    {
        foreach (var hoist in spec.Hoists)
        {
            w.Line($"recording.Hoist({hoist.Root}, new {ClassName(hoist, 0)}(recording));");
        }
    }

    public static void Write(SourceWriter w, LambdaSpec spec)
    {
        var owner = "global::" + spec.SurfaceNamespace;
        var root = $"{TypeNames.Runtime}.Lambdas.PyxisQueryRoot";
        foreach (var hoist in spec.Hoists)
        {
            for (var i = 0; i <= hoist.Steps.Count; i++)
            {
                var surface = i < hoist.Steps.Count ? hoist.Steps[i].SurfaceClass : hoist.OwnerClass;
                var name = ClassName(hoist, i);
                w.Line();
                w.Line("/// <summary>Leads the recording run to the field whose arguments are read at run time.</summary>");
                w.Open($"private sealed class {name} : {owner}.{surface}");
                w.Line($"private readonly {root} recording;");
                w.Line();
                w.Line($"public {name}({root} recording) => this.recording = recording;");
                w.Line();
                if (i < hoist.Steps.Count)
                {
                    var property = hoist.Steps[i].Property;
                    w.Line(
                        $"public override {TypeNames.Of(property.Type, spec.TypesNamespace, owner, input: false)} {property.Name} => new {ClassName(hoist, i + 1)}(recording);"
                    );
                }
                else
                {
                    WriteMethod(w, spec, hoist, owner);
                }

                w.Close();
            }
        }
    }

    private static void WriteMethod(SourceWriter w, LambdaSpec spec, HoistSpec hoist, string owner)
    {
        var method = hoist.Method;
        w.OpenList(
            $"public override TResult {method.MethodName}<TResult>",
            SurfaceEmitter.FieldMethodParameters(spec.TypesNamespace, owner, method, defaults: false)
        );
        foreach (var variable in hoist.Variables)
        {
            // A null value is left out, as for a root field's argument: the variable is then null.
            var argument = method.Arguments[variable.Ordinal];
            var type = argument.Type with { Nullable = false };
            var value = "pyxisValue" + variable.Ordinal;
            w.Open(
                !argument.Type.Nullable && TypeNames.IsValueType(argument.Type)
                    ? $"if ({argument.ParameterName} is var {value})"
                    : $"if ({argument.ParameterName} is {TypeNames.Of(type, spec.TypesNamespace, owner, input: true)} {value})"
            );
            w.Line($"var pyxisWriter = recording.WriteHoisted({Names.Literal(variable.Name)}u8);");
            w.Line(JsonCode.Write(type, "pyxisWriter", value, spec.TypesNamespace));
            w.Close();
        }

        w.Line($"throw {TypeNames.Runtime}.Lambdas.PyxisQueryRoot.ArgumentsHoisted();");
        w.Close();
    }

    private static string ClassName(HoistSpec hoist, int step) => $"Hoist{hoist.Root}_{step}";
}
