using LayerNas.Cli.Run;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Run;

public sealed class LineProgressViewTests
{
    [Fact]
    public void A_quick_search_prints_one_line_per_depth_as_it_ends_whatever_the_updates_in_between()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var view = new LineProgressView(output, clock);

        foreach (var update in new[] { Update(1, 0, 4), Update(1, 2, 4), Update(1, 4, 4, 0.5), Update(2, 1, 15, 0.5), Update(2, 15, 15, 0.7) })
        {
            clock.Advance(TimeSpan.FromMilliseconds(300));
            view.Show(update);
        }
        view.Complete();

        Assert.Equal("depth 1/2: 4/4 trials, best reward 0.5 at cost 3\ndepth 2/2: 15/15 trials, best reward 0.7 at cost 3\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_long_depth_prints_at_most_one_line_per_interval_while_it_runs()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var view = new LineProgressView(output, clock);

        for (var done = 1; done <= 10; done++)
        {
            clock.Advance(LineProgressView.Interval / 4);
            view.Show(Update(1, done, 10));
        }

        Assert.Equal(["depth 1/2: 4/10 trials", "depth 1/2: 8/10 trials"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static SearchProgressUpdate Update(int stage, int done, int total, double? reward = null) => new()
    {
        Stage = stage,
        Stages = 2,
        Done = done,
        Total = total,
        Best = reward is { } r ? new Candidate { Reward = r, Cost = 3 } : null,
    };

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
