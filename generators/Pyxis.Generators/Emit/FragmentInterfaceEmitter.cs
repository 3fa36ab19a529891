using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>Writes a named fragment's interface, once per compilation, with nested interfaces for object fields.</summary>
internal static class FragmentInterfaceEmitter
{
    public static string Emit(string ns, string typesNamespace, FragmentInterfaceSpec spec)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {ns}");
        w.Line($"/// <summary>");
        w.Line($"/// The fields of fragment <c>{spec.Fragment}</c> on <c>{spec.SchemaType}</c>. Every result record that spreads the");
        w.Line($"/// fragment implements it, so one method can take the results of several operations.");
        w.Line($"/// </summary>");
        w.Line(TypeNames.GeneratedCode);
        WriteInterface(w, spec, $"global::{ns}.{spec.Name}", typesNamespace);
        w.Close();
        return w.ToString();
    }

    private static void WriteInterface(SourceWriter w, FragmentInterfaceSpec spec, string fullName, string ns)
    {
        w.Open($"public partial interface {spec.Name}");
        var first = true;
        foreach (var property in spec.Properties)
        {
            first = Separate(w, first);
            w.Line($"/// <summary>The <c>{property.ResponseKey}</c> field.</summary>");
            if (SourceWriter.Obsolete(property.Docs) is { } obsolete)
            {
                w.Line(obsolete);
            }

            w.Line($"{TypeNames.OfInterface(property.Type, ns, fullName)} {property.Name} {{ get; }}");
        }

        foreach (var nested in spec.Nested)
        {
            first = Separate(w, first);
            w.Line($"/// <summary>The selected fields of <c>{nested.SchemaType}</c> in fragment <c>{spec.Fragment}</c>.</summary>");
            WriteInterface(w, nested, fullName + "." + nested.Name, ns);
        }

        w.Close();
    }

    private static bool Separate(SourceWriter w, bool first)
    {
        if (!first)
        {
            w.Line();
        }

        return false;
    }
}
