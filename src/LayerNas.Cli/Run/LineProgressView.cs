using LayerNas.Cli.Client;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Run;

/// <summary>
/// Progress as plain lines, for logs and pipes: one line when a depth ends, and while a depth runs at most one every
/// <see cref="Interval"/>, the first once it has run that long.
/// </summary>
/// <remarks>
/// A depth's closing line shows the best so far as of the depth's last update. A search that finishes quickly prints
/// no line while it runs, only one per depth as it ends, so its transcript stays the same run after run (README.md
/// shows the burger's, and a test holds it to a real run).
/// </remarks>
public sealed class LineProgressView(TextWriter output, TimeProvider clock) : IProgressView
{
    /// <summary>The least time between two lines about a running depth.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private SearchProgressUpdate? _last;
    private DateTimeOffset _printed = clock.GetUtcNow();

    /// <summary>Prints to <paramref name="output"/> by the system clock.</summary>
    public LineProgressView(TextWriter output)
        : this(output, TimeProvider.System)
    {
    }

    /// <inheritdoc />
    public void Show(SearchProgressUpdate update)
    {
        var now = clock.GetUtcNow();
        if (_last is not null && !StatusLines.SameStage(_last, update))
        {
            Print(_last, _last.Total);
            _printed = now;
        }
        else if (now - _printed >= Interval)
        {
            Print(update, update.Done);
            _printed = now;
        }
        _last = update;
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (_last is not null)
        {
            Print(_last, _last.Total);
        }
    }

    private void Print(SearchProgressUpdate update, int done)
    {
        var best = update.Best is { } b ? $", best reward {b.Reward:0.####} at cost {b.Cost:0.###}" : "";
        output.WriteLine($"{StatusLines.Stage(update)}: {done}/{update.Total} trials{best}");
    }
}
