using Spectre.Console;

namespace LayerNas.Cli.Run;

/// <summary>Chooses how progress is shown: bars on a terminal, plain lines in logs and pipes.</summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="follow"/> with the view that suits <paramref name="output"/> and returns what it returns.</summary>
    public static async Task<T> FollowAsync<T>(TextWriter output, Func<IProgressView, Task<T>> follow)
    {
        if (Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out))
        {
            return await follow(new LineProgressView(output));
        }
        var end = default(T)!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context => end = await follow(new BarProgressView(context)));
        return end;
    }
}
