using System.CommandLine;

namespace Pyxis.Cli.Output;

/// <summary>What a catalog command prints: a table for people, JSON for scripts.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}

/// <summary>The <c>--output</c> option shared by the catalog commands.</summary>
internal static class OutputOption
{
    public static Option<OutputFormat> Create() =>
        new("--output", "-o")
        {
            Description = "table (default) or json: one JSON array on stdout, nothing else, for scripts",
            DefaultValueFactory = _ => OutputFormat.Table,
        };
}
