using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Fragment Spreads Must Not Form Cycles (spec 5.5.2.2).</summary>
internal static class NoFragmentCyclesRule
{
    /// <summary>False (and reported) when <paramref name="name"/> is already being spread on the way here.</summary>
    public static bool Check(ValidationContext context, GraphQLFragmentSpread spread, string name, List<string> fragmentStack)
    {
        if (fragmentStack.Contains(name))
        {
            context.Report(DiagnosticCatalog.FragmentCycle, spread.FragmentName, name);
            return false;
        }

        return true;
    }
}
