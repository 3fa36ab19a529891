using System.Globalization;
using System.Linq;
using System.Text;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// The operation manifest in parts, so that editing one operation or lambda query rewrites only its own generated file.
/// C#: one file declares <c>PyxisOperationManifest</c> (<c>All</c>, read by the schema health check), and each operation's
/// and lambda's own file adds its entry from a static field initializer of the same partial class; the initializers all
/// run before the class is first used, in no set order, so <c>All</c> sorts them once. JSON: each part's entry in a
/// marked comment of the same file, and an index file naming those files in order, from which the package's targets
/// write <c>obj/…/pyxis-operations.json</c> after the compiler wrote the generated files out (a generator itself must not
/// write files). An index changes only when an operation or lambda appears, goes or moves.
/// </summary>
internal static class ManifestEmitter
{
    /// <summary>The line that opens a part's JSON comment; the package's targets look for it.</summary>
    public const string PartMarker = "/* pyxis-operation-manifest";

    private const string Info = "global::Pyxis.Client.SchemaCheck.PyxisOperationInfo";
    private const string List = "global::System.Collections.Generic.List";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    public static string EmitClass(string ns, string schema)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {ns}");
        w.Line(
            "/// <summary>Every operation this project sends (its <c>.graphql</c> operations and lambda queries), for reviews and the schema check.</summary>"
        );
        w.Line(TypeNames.GeneratedCode);
        w.Open("internal static partial class PyxisOperationManifest");
        w.Line("/// <summary>The name of the schema the operations were checked against.</summary>");
        w.Line($"public const string Schema = {Names.Literal(schema)};");
        w.Line();
        w.Line("// Filled by the parts' static field initializers, which run before any member of the class is used.");
        w.Line($"private static {List}<{Info}>? added;");
        w.Line($"private static {Info}[]? all;");
        w.Line();
        w.Line("/// <summary>The operations, in file and line order.</summary>");
        w.Line($"public static {ReadOnlyList}<{Info}> All => global::System.Threading.LazyInitializer.EnsureInitialized(ref all, Sorted);");
        w.Line();
        w.Line(
            "/// <summary>The operations checked against <paramref name=\"schema\"/> (<see cref=\"Schema\"/>, or a named schema's name).</summary>"
        );
        w.Line("/// <param name=\"schema\">The schema's name.</param>");
        w.Line("/// <returns>Those operations, in file and line order.</returns>");
        w.Line($"public static {ReadOnlyList}<{Info}> OfSchema(string schema) =>");
        w.Line("    global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Where(All, o => o.Schema == schema));");
        w.Line();
        w.Open($"private static bool Add({Info} entry)");
        w.Line($"(added ??= new {List}<{Info}>()).Add(entry);");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Open($"private static {Info}[] Sorted()");
        w.Line($"var entries = added?.ToArray() ?? global::System.Array.Empty<{Info}>();");
        w.Line("global::System.Array.Sort(entries, Compare);");
        w.Line("return entries;");
        w.Close();
        w.Line();
        w.Open($"private static int Compare({Info} x, {Info} y)");
        w.Line("var order = global::System.StringComparer.Ordinal.Compare(x.File, y.File);");
        w.Line("order = order != 0 ? order : x.Line.CompareTo(y.Line);");
        w.Line("order = order != 0 ? order : x.Column.CompareTo(y.Column);");
        w.Line("return order != 0 ? order : global::System.StringComparer.Ordinal.Compare(x.Name, y.Name);");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// A part, written at the end of its operation's or lambda's own file: the C# entry and the JSON one. Written into
    /// that file's writer: appending it to the finished text would copy the whole file once more.
    /// </summary>
    public static void WritePart(SourceWriter w, ManifestPart part)
    {
        var e = part.Entry;
        w.Line();
        w.Open($"namespace {part.Namespace}");
        w.Open("internal static partial class PyxisOperationManifest");
        w.Line($"private static readonly bool {FieldName(part.HintName)} = Add(");
        w.Line($"    new {Info}(");
        var values = new[]
        {
            Names.Literal(e.Name),
            Names.Literal(e.Kind),
            Names.Literal(e.OperationType),
            Names.Literal(e.Document),
            Names.Literal(e.Id),
            Names.Literal(e.File),
            e.Line.ToString(CultureInfo.InvariantCulture),
            e.Column.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < values.Length; i++)
        {
            w.Line("        " + values[i] + (i < values.Length - 1 ? "," : string.Empty));
        }

        w.Line($"    ) {{ Schema = {Names.Literal(e.Schema)} }}");
        w.Line(");");
        w.Close();
        w.Close();
        w.Line(PartMarker);
        w.Line(ManifestJson.Entry(e));
        w.Line("*/");
    }

    /// <summary>
    /// The index: between <c>/*</c> and <c>*/</c>, the JSON's opening line, the hint names of the files holding the parts
    /// (one a line, in the manifest's order) and its closing line. The targets join the parts' entries in between.
    /// </summary>
    public static string EmitIndex(ManifestIndex index) =>
        "// <auto-generated/>\n// The operation manifest's index; the Pyxis.Client targets join the parts of the files below into pyxis-operations.json.\n/*\n"
        + "{\"version\":1,\"schema\":"
        + ManifestJson.String(index.Schema)
        + ",\"operations\":[\n"
        + string.Concat(index.Parts.Select(p => p + "\n"))
        + "]}\n*/\n";

    // A hint name is unique in the generator's output, so the field named after it is unique in the partial class.
    private static string FieldName(string hintName)
    {
        var name = new StringBuilder("part_");
        foreach (var c in hintName.Substring(0, hintName.Length - ".g.cs".Length))
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_');
        }

        return name.ToString();
    }
}
