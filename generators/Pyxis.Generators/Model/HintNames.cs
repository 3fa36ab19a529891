using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Pyxis.Generators.Model;

/// <summary>
/// The hint names of the per-operation and per-lambda generated files, which also hold their operation manifest part
/// (the manifest's index lists them, so the package's targets can find each part).
/// </summary>
internal static class HintNames
{
    public static string Operation(OperationSpec op, OperationFileResult file) => $"{op.ClassName}.{Hash(file.ProjectPath)}.g.cs";

    public static string Lambda(LambdaSpec spec) => $"Lambdas/{spec.ClassName}.g.cs";

    /// <summary>The operations of <paramref name="file"/> that are emitted: a name defined twice is emitted once (its PYX015 says why).</summary>
    public static IEnumerable<OperationSpec> Emitted(OperationFileResult file, EquatableArray<string> winners)
    {
        var emitted = new HashSet<string>();
        foreach (var op in file.Operations)
        {
            if (winners.Contains(op.Name + "|" + file.Path) && emitted.Add(op.Name))
            {
                yield return op;
            }
        }
    }

    // Hint names must be unique even when two folders hold files of the same name.
    private static string Hash(string path)
    {
        var hash = 2166136261u;
        foreach (var c in Path.GetFileName(path) + "|" + path)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Path.GetFileNameWithoutExtension(path) + "_" + hash.ToString("x8");
    }
}
