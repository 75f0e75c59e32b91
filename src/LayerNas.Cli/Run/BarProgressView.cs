using LayerNas.Protocol.V1;
using Spectre.Console;

namespace LayerNas.Cli.Run;

/// <summary>Progress as Spectre.Console bars, one per depth, for a terminal.</summary>
public sealed class BarProgressView(ProgressContext context) : IProgressView
{
    private readonly Dictionary<int, ProgressTask> _depths = [];
    private SearchProgressUpdate? _last;

    /// <inheritdoc />
    public void Show(SearchProgressUpdate update)
    {
        if (_last is not null && _last.Stage != update.Stage && _depths.TryGetValue(_last.Stage, out var previous))
        {
            previous.Value = previous.MaxValue;
        }
        if (!_depths.TryGetValue(update.Stage, out var task))
        {
            task = context.AddTask($"depth {update.Stage}/{update.Stages}", maxValue: Math.Max(1, update.Total));
            _depths[update.Stage] = task;
        }
        task.MaxValue = Math.Max(1, update.Total);
        task.Value = update.Done;
        var best = update.Best is { } b ? $"  [green]best {b.Reward:0.####}[/] [grey]cost {b.Cost:0.###}[/]" : "";
        task.Description = $"depth {update.Stage}/{update.Stages} {update.Done}/{update.Total}{best}";
        _last = update;
    }

    /// <inheritdoc />
    public void Complete()
    {
        foreach (var task in _depths.Values)
        {
            task.Value = task.MaxValue;
        }
    }
}
