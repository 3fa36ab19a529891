using Microsoft.CodeAnalysis;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Diagnostics;

/// <summary>A diagnostic kept as data (descriptor id, location, message arguments) until it is reported.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>The named schema the finding was made against; the message then says so. Null for the default schema.</summary>
    public string? Schema { get; init; }

    public Diagnostic ToDiagnostic()
    {
        var descriptor = Schema is null ? DiagnosticCatalog.ById(Id) : DiagnosticCatalog.ForSchema(Id, Schema);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
