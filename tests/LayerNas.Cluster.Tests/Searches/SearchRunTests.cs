using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class SearchRunTests
{
    [Fact]
    public async Task A_burger_search_finishes_inside_the_target_within_the_trial_bound()
    {
        using var folder = new TempFolder();
        var log = new TrainingLog();
        var progress = new List<SearchProgressUpdate>();
        await using var node = await TestNode.StartAsync(folder.File("run.db"), RecordingTrainer.Provider(log, TimeSpan.Zero));

        var result = await SearchRuns.RunAsync(node.Client, "burger", TestSpecs.Burger(), progress);

        Assert.Equal("finished", result.Status);
        Assert.InRange(result.Best.Cost, 7, 9);
        Assert.InRange(result.TrialsTrained, 1, 36);
        Assert.Equal(result.TrialsTrained, log.Count);
        Assert.Equal(log.Keys("burger").Count, log.Keys("burger").Distinct().Count());
        Assert.Contains(progress, p => p.Stage == 3 && p.Stages == 3);
    }
}
