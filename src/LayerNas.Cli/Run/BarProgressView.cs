using LayerNas.Cli.Client;
using LayerNas.Protocol.V1;
using Spectre.Console;

namespace LayerNas.Cli.Run;

/// <summary>Progress as Spectre.Console bars, one per depth, for a terminal.</summary>
public sealed class BarProgressView(ProgressContext context) : IProgressView
{
    private readonly Dictionary<(int Pass, int Stage), (ProgressTask Task, SearchProgressUpdate Last)> _depths = [];
    private SearchProgressUpdate? _last;

    /// <inheritdoc />
    public void Show(SearchProgressUpdate update)
    {
        if (_last is not null && !StatusLines.SameStage(_last, update))
        {
            Finish(Key(_last));
        }
        var task = _depths.TryGetValue(Key(update), out var known)
            ? known.Task
            : context.AddTask(StatusLines.Stage(update), maxValue: Math.Max(1, update.Total));
        _depths[Key(update)] = (task, update);
        Render(task, update, update.Done);
        _last = update;
    }

    /// <inheritdoc />
    public void Complete()
    {
        foreach (var stage in _depths.Keys.ToList())
        {
            Finish(stage);
        }
    }

    private static (int Pass, int Stage) Key(SearchProgressUpdate update) => (update.PassNumber, update.Stage);

    private void Finish((int Pass, int Stage) stage)
    {
        if (_depths.TryGetValue(stage, out var depth))
        {
            Render(depth.Task, depth.Last, depth.Last.Total);
        }
    }

    private static void Render(ProgressTask task, SearchProgressUpdate update, int done)
    {
        task.MaxValue = Math.Max(1, update.Total);
        task.Value = Math.Max(done, update.Total == 0 ? 1 : 0);
        var best = update.Best is { } b ? $"  [green]best {b.Reward:0.####}[/] [grey]cost {b.Cost:0.###}[/]" : "";
        task.Description = $"{StatusLines.Stage(update)} {done}/{update.Total}{best}";
    }
}
