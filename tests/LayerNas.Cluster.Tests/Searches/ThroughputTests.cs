using System.Diagnostics;
using LayerNas.Cluster.Tests.Support;
using Xunit.Abstractions;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Instant_trials_flow_through_the_persistent_coordinator_at_over_a_thousand_a_second()
    {
        using var folder = new TempFolder();
        var log = new TrainingLog();
        await using var node = await TestNode.StartAsync(folder.File("fast.db"), RecordingTrainer.Provider(log, TimeSpan.Zero), slots: 8);
        await SearchRuns.RunAsync(node.Client, "warm-up", TestSpecs.Burger());

        var clock = Stopwatch.StartNew();
        var result = await SearchRuns.RunAsync(node.Client, "big", TestSpecs.Grid("big", layers: 12, options: 12, buckets: 100));
        clock.Stop();

        var rate = result.TrialsTrained / clock.Elapsed.TotalSeconds;
        output.WriteLine($"{result.TrialsTrained} trials in {clock.Elapsed.TotalSeconds:0.00} s: {rate:0} trials/s");
        Assert.True(result.TrialsTrained >= 3000, $"only {result.TrialsTrained} trials");
        Assert.True(rate > 1000, $"{rate:0} trials/s");
    }
}
