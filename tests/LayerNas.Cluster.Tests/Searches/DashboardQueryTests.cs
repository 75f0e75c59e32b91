using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Searches;

/// <summary>The questions a dashboard asks, answered through the search manager by a search's ledger and the dispatcher's board.</summary>
public sealed class DashboardQueryTests
{
    [Fact]
    public async Task A_finished_search_answers_memo_tables_trial_pages_and_chart_points_from_its_ledger_after_a_restart()
    {
        using var folder = new TempFolder();
        var database = folder.File("dashboard.db");
        var spec = TestSpecs.Burger();
        SearchResult result;
        await using (var node = await TestNode.StartAsync(database, RecordingTrainer.Provider(new TrainingLog(), TimeSpan.FromMilliseconds(1)), slots: 2))
        {
            result = await SearchRuns.RunAsync(node.Client, "burger", spec);
        }

        await using var restarted = await TestNode.StartAsync(database, RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero));
        var tables = await restarted.Client.MemoTablesAsync(new GetMemoTables { SearchId = "burger", Depth = 3 }, SearchRuns.Deadline);
        var byReward = await restarted.Client.QueryTrialsAsync(new QueryTrials { SearchId = "burger", Sort = TrialSort.Reward, Descending = true, Limit = 5 }, SearchRuns.Deadline);
        var points = await restarted.Client.TrialPointsAsync("burger", 0, SearchRuns.Deadline);
        var status = await restarted.Client.GetAsync("burger", SearchRuns.Deadline);

        Assert.True(tables.HasTables);
        Assert.Equal(result.Depths, tables.Depths.Select(d => d.Summary));
        Assert.Equal(result.ParetoFront.Count, tables.Depths[2].Buckets.Count);
        Assert.Contains(tables.Depths[2].Buckets.SelectMany(b => b.Kept), k => k.Trained.SequenceEqual(result.Best.Architecture) && k.Reward == result.Best.Reward);
        Assert.Equal(result.TrialsTrained, byReward.Total);
        Assert.Equal(5, byReward.Trials.Count);
        Assert.Equal(byReward.Trials.Select(t => t.Reward).OrderDescending(), byReward.Trials.Select(t => t.Reward));
        Assert.Equal(result.TrialsTrained, points.TrialNumbers.Count);
        Assert.Equal(points.Total, points.NextOffset);
        Assert.Equal(("layernas", 7.0, 9.0), (status!.Strategy, status.TargetMin, status.TargetMax));
        Assert.True(status.SubmittedUnixMs > 0 && status.EndedUnixMs >= status.SubmittedUnixMs, $"{status.SubmittedUnixMs} .. {status.EndedUnixMs}");
    }

    [Fact]
    public async Task The_workers_board_lists_the_slots_that_asked_for_work_and_what_they_trained()
    {
        using var folder = new TempFolder();
        await using var node = await TestNode.StartAsync(folder.File("workers.db"), RecordingTrainer.Provider(new TrainingLog(), TimeSpan.FromMilliseconds(1)), slots: 3);
        var result = await SearchRuns.RunAsync(node.Client, "burger", TestSpecs.Burger());

        var board = await node.Client.WorkersAsync(SearchRuns.Deadline);

        Assert.Equal(3, board.Slots.Count);
        Assert.All(board.Slots, s => Assert.Equal(node.Address, s.Node));
        Assert.Equal(result.TrialsTrained, board.Slots.Sum(s => s.TrialsTrained));
        Assert.Equal((0, 0), (board.ReadyTrials, board.LeasedTrials));
        Assert.True(board.SinceUnixMs > 0);
    }

    [Fact]
    public async Task Questions_about_an_unknown_search_say_so()
    {
        using var folder = new TempFolder();
        await using var node = await TestNode.StartAsync(folder.File("unknown.db"), RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => node.Client.MemoTablesAsync(new GetMemoTables { SearchId = "nope", Depth = 1 }, SearchRuns.Deadline));

        Assert.Equal("no search has the id nope", error.Message);
    }
}
