using Microsoft.CodeAnalysis;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Diagnostics;

/// <summary>A diagnostic kept as data (descriptor id, location, message arguments) until it is reported.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticCatalog.ById(Id);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
