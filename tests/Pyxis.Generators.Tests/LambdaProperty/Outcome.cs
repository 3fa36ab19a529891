using System.Collections;
using System.Reflection;
using Pyxis.Client.Lambdas;

namespace Pyxis.Generators.Tests.LambdaProperty;

/// <summary>
/// What a selector's result shows to whoever reads it, read all the way down: values, items, the members of anonymous
/// objects and tuples, and the schema fields of schema objects; an exception where reading one throws. Lazy results
/// (an un-materialised <c>Select</c>) are read here too, so what they throw is part of the outcome.
/// </summary>
internal abstract record Outcome
{
    public sealed record Leaf(string Text) : Outcome
    {
        public override string ToString() => Text;
    }

    public sealed record Items(IReadOnlyList<Outcome> Values) : Outcome
    {
        public override string ToString() => "[" + string.Join(", ", Values) + "]";
    }

    public sealed record Members(IReadOnlyList<(string Name, Outcome Value)> Values) : Outcome
    {
        public override string ToString() => "{ " + string.Join(", ", Values.Select(v => v.Name + " = " + v.Value)) + " }";
    }

    public sealed record Threw(Type Exception) : Outcome
    {
        public override string ToString() => "throws " + Exception.Name;
    }

    public static Outcome Of(Func<object?> run)
    {
        try
        {
            return Read(run(), 0);
        }
        catch (Exception e)
        {
            return new Threw(Unwrap(e).GetType());
        }
    }

    /// <summary>
    /// Whether <paramref name="projected"/> (the lambda over its answer) agrees with <paramref name="full"/> (the same
    /// C# over the whole graph): equal, or an unselected field where it differs, never a different value.
    /// </summary>
    /// <param name="projected">The lambda's outcome over its answer.</param>
    /// <param name="full">The same C#'s outcome over the whole graph.</param>
    /// <param name="exact">Whether an unselected field in <paramref name="projected"/> disagrees too: a shape the
    /// analysis claims to follow must ask what it reads.</param>
    public static bool Agrees(Outcome projected, Outcome full, bool exact = false) =>
        (projected, full) switch
        {
            (Threw { Exception: var e }, _) when !exact && e == typeof(PyxisUnselectedFieldException) => true,
            // A field outside the subset the answers model: the answer has it as null, which is what the lambda got.
            (_, Threw { Exception: var e }) when e == typeof(PyxisUnselectedFieldException) => true,
            (Threw p, Threw f) => p.Exception == f.Exception,
            (Leaf p, Leaf f) => p.Text == f.Text,
            (Items p, Items f) => ItemsAgree(p.Values, f.Values, exact),
            (Members p, Members f) => p.Values.Count == f.Values.Count
                && p.Values.Zip(f.Values).All(x => x.First.Name == x.Second.Name && Agrees(x.First.Value, x.Second.Value, exact)),
            _ => false,
        };

    // Enumerating may throw part way: the items read before it must agree, and what the full graph has after is unknown.
    private static bool ItemsAgree(IReadOnlyList<Outcome> projected, IReadOnlyList<Outcome> full, bool exact)
    {
        for (var i = 0; i < projected.Count; i++)
        {
            if (projected[i] is Threw { Exception: var e } && e == typeof(PyxisUnselectedFieldException) && !exact)
            {
                return true;
            }

            if (i < full.Count && full[i] is Threw { Exception: var f } && f == typeof(PyxisUnselectedFieldException))
            {
                return true;
            }

            if (i >= full.Count || !Agrees(projected[i], full[i], exact))
            {
                return false;
            }
        }

        return projected.Count == full.Count;
    }

    private static Outcome Read(object? value, int depth)
    {
        if (depth > 12)
        {
            throw new InvalidOperationException("A result deeper than the grammar makes.");
        }

        return value switch
        {
            null => new Leaf("null"),
            string or bool or int or long or char => new Leaf(value.GetType().Name + ":" + value),
            _ when SchemaClass(value.GetType()) is { } schema => new Members(Fields(value, schema, depth)),
            IEnumerable items => new Items(Enumerate(items, depth)),
            _ => new Members(Properties(value, depth)),
        };
    }

    // The abstract schema class a projection or a full-graph object derives from.
    private static Type? SchemaClass(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsAbstract && t.Namespace == "Pyxis.Client.Schema" && t.GetCustomAttribute<PyxisFieldAttribute>() is not null)
            {
                return t;
            }
        }

        return null;
    }

    private static List<(string, Outcome)> Fields(object value, Type schema, int depth) =>
        schema
            .GetProperties()
            .Where(p => p.GetCustomAttribute<PyxisFieldAttribute>() is not null)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, Of(() => p.GetValue(value), depth)))
            .ToList();

    private static List<(string, Outcome)> Properties(object value, int depth) =>
        value
            .GetType()
            .GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, Of(() => p.GetValue(value), depth)))
            .Concat(value.GetType().GetFields().Select(f => (f.Name, Of(() => f.GetValue(value), depth))))
            .ToList();

    private static List<Outcome> Enumerate(IEnumerable items, int depth)
    {
        var read = new List<Outcome>();
        try
        {
            foreach (var item in items)
            {
                read.Add(Read(item, depth + 1));
            }
        }
        catch (Exception e)
        {
            read.Add(new Threw(Unwrap(e).GetType()));
        }

        return read;
    }

    private static Outcome Of(Func<object?> get, int depth)
    {
        try
        {
            return Read(get(), depth + 1);
        }
        catch (Exception e)
        {
            return new Threw(Unwrap(e).GetType());
        }
    }

    private static Exception Unwrap(Exception e) =>
        e is TargetInvocationException or AggregateException && e.InnerException is { } inner ? Unwrap(inner) : e;
}
