using LayerNas.Cli.Client;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Run;

/// <summary>Progress as plain lines, for logs and pipes: one line when a depth starts, at most one a second while it runs, one when it ends.</summary>
public sealed class LineProgressView(TextWriter output) : IProgressView
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private SearchProgressUpdate? _last;
    private DateTime _printed = DateTime.MinValue;

    /// <inheritdoc />
    public void Show(SearchProgressUpdate update)
    {
        if (_last is not null && !StatusLines.SameStage(_last, update))
        {
            Print(_last, finished: true);
        }
        var now = DateTime.UtcNow;
        if (!StatusLines.SameStage(_last, update) || now - _printed >= Interval)
        {
            Print(update, finished: false);
            _printed = now;
        }
        _last = update;
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (_last is not null)
        {
            Print(_last, finished: true);
        }
    }

    private void Print(SearchProgressUpdate update, bool finished)
    {
        var done = finished ? update.Total : update.Done;
        var best = update.Best is { } b ? $", best reward {b.Reward:0.####} at cost {b.Cost:0.###}" : "";
        output.WriteLine($"{StatusLines.Stage(update)}: {done}/{update.Total} trials{best}");
    }
}
