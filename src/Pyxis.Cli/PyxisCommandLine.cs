using System.CommandLine;
using Pyxis.Cli.Commands;
using Spectre.Console;

namespace Pyxis.Cli;

/// <summary>The <c>pyxis</c> command tree; tests build it with a recording console.</summary>
internal static class PyxisCommandLine
{
    public static RootCommand Create(IAnsiConsole console)
    {
#if PYXIS_NATIVE
        var root = new RootCommand("pyxis (native): look up the Pyxis catalog from scripts (repo, images, schema pull, schema check)");
#else
        var root = new RootCommand("pyxis: the Pyxis SDK's command line (demo, emulator, bench, repo, images, schema pull, schema check)");
#endif
#if !PYXIS_NATIVE
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EmulatorCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
#endif
        root.Subcommands.Add(RepoCommand.Create(console));
        root.Subcommands.Add(ImagesCommand.Create(console));
        root.Subcommands.Add(TagsCommand.Create(console));
        root.Subcommands.Add(SchemaCommand.Create(console));
        return root;
    }
}
