using System.Collections.Generic;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation;

/// <summary>A selected field checked against the schema; same-key selections from fragments are already merged.</summary>
internal sealed class BoundField(string responseKey, FieldDef field)
{
    public string ResponseKey { get; } = responseKey;

    public FieldDef Field { get; } = field;

    public List<BoundField> Children { get; } = new();

    /// <summary>Under <c>@include</c>/<c>@skip</c>: the server may leave it out, so its C# type is nullable.</summary>
    public bool Conditional { get; set; }

    /// <summary>The arguments as canonical text; two selections of one response key must agree on them.</summary>
    public string ArgumentsText { get; set; } = string.Empty;

    /// <summary>Named fragments spread into this field's selection (also through other fragments): its record implements their interfaces.</summary>
    public List<BoundFragment> Fragments { get; } = new();

    /// <summary>Arguments given as variables: argument name → variable name (pagination reads page/page_size).</summary>
    public Dictionary<string, string> VariableArguments { get; } = new();

    /// <summary>
    /// For a union or interface field: per object type a fragment narrows to, every field selected for that type
    /// (its own and <see cref="Children"/>). Types not named here get <see cref="Children"/> only.
    /// </summary>
    public SortedDictionary<string, List<BoundField>> Branches { get; } = new(System.StringComparer.Ordinal);

    /// <summary>A deep copy, so one selection can be merged into several branches without sharing children.</summary>
    public BoundField Clone()
    {
        var copy = new BoundField(ResponseKey, Field) { Conditional = Conditional, ArgumentsText = ArgumentsText };
        copy.Children.AddRange(Children.ConvertAll(c => c.Clone()));
        copy.Fragments.AddRange(Fragments);
        foreach (var pair in VariableArguments)
        {
            copy.VariableArguments[pair.Key] = pair.Value;
        }

        foreach (var pair in Branches)
        {
            copy.Branches[pair.Key] = pair.Value.ConvertAll(c => c.Clone());
        }

        return copy;
    }
}

internal sealed record BoundVariable(string Name, TypeRef Type, bool HasDefault);

/// <summary>An operation that passed validation: what the model builder needs, nothing from the parser.</summary>
internal sealed class BoundOperation(string name, string kind, TypeDef rootType, string document)
{
    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public TypeDef RootType { get; } = rootType;

    public string Document { get; } = document;

    public List<BoundVariable> Variables { get; } = new();

    public List<BoundField> Fields { get; } = new();

    /// <summary>
    /// Validation reported errors: the bound tree holds only what validated (no unknown fields, no variables of unknown
    /// types), so its C# surface can be emitted while the build fails on the PYX error.
    /// </summary>
    public bool HasErrors { get; set; }

    /// <summary>How to repeat the single root field under aliases, when the operation allows it.</summary>
    public Model.AliasSpec? Alias { get; init; }
}
