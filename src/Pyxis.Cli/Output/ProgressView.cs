using Spectre.Console;

namespace Pyxis.Cli.Output;

/// <summary>
/// A progress line while long work runs, on a terminal only: piped output and JSON get nothing, so no stale
/// progress text is left in a file or a script's input. The line is cleared when the work ends.
/// </summary>
internal static class ProgressView
{
    public static async Task<T> RunAsync<T>(
        IAnsiConsole console,
        bool enabled,
        string description,
        double? total,
        Func<Action<double>, Task<T>> work
    )
    {
        if (!enabled || !console.Profile.Capabilities.Interactive)
        {
            return await work(static _ => { });
        }

        return await console
            .Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total ?? 1);
                task.IsIndeterminate = total is null;
                var result = await work(done => task.Value = total is null ? 0 : done);
                task.StopTask();
                return result;
            });
    }
}
