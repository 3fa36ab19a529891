using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Validation.Rules;

/// <summary>Argument Uniqueness (spec 5.4.2).</summary>
internal static class UniqueArgumentNamesRule
{
    /// <summary>False (and reported) when <paramref name="given"/> already holds this argument's name.</summary>
    public static bool Check(ValidationContext context, GraphQLArgument argument, HashSet<string> given)
    {
        var name = argument.Name.StringValue;
        if (!given.Add(name))
        {
            context.Report(DiagnosticCatalog.DuplicateArgument, argument.Name, name);
            context.MarkUsed(argument.Value);
            return false;
        }

        return true;
    }
}
