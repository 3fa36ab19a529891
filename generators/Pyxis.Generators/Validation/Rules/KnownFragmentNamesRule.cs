using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Fragment Spread Target Defined (spec 5.5.2.1), among the fragments this file can reach.</summary>
internal static class KnownFragmentNamesRule
{
    /// <summary>The spread fragment, or null (reported) when no reachable file defines it.</summary>
    public static FragmentRef? Find(ValidationContext context, GraphQLFragmentSpread spread, string name)
    {
        var fragment = context.Fragments.Find(name);
        if (fragment is null)
        {
            context.Report(DiagnosticCatalog.UnknownFragment, spread.FragmentName, name);
        }

        return fragment;
    }
}
