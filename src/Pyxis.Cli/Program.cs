using Pyxis.Cli;

return await PyxisCommandLine.Create(Spectre.Console.AnsiConsole.Console).Parse(args).InvokeAsync();
