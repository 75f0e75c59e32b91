using LayerNas.Cluster.Tests.Support;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Searches;

/// <summary>Searches of one journal that opt in to the shared trial cache reuse each other's trained trials, and only they.</summary>
public sealed class SharedTrialCacheTests
{
    private static SearchSpec Spec(double max, string trialCache = TrialCache.Shared)
    {
        var spec = TestSpecs.Grid("grid", layers: 4, options: 5, buckets: 5);
        spec.Target = new Target { Min = 4, Max = max };
        spec.TrialCache = trialCache;
        return spec;
    }

    [Fact]
    public async Task A_search_for_another_target_trains_nothing_an_ended_search_trained_answers_as_a_separate_search_and_keeps_its_import_through_a_crash()
    {
        using var folder = new TempFolder();
        SearchResult separate;
        await using (var clean = await TestDatabase.CreateAsync("sqlite", folder, "separate"))
        await using (var node = await TestNode.StartAsync(clean.Storage, RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero)))
        {
            separate = await SearchRuns.RunAsync(node.Client, "second", Spec(max: 9, TrialCache.Off));
        }

        await using var database = await TestDatabase.CreateAsync("sqlite", folder, "shared");
        var log = new TrainingLog();
        await using (var node = await TestNode.StartAsync(database.Storage, RecordingTrainer.Provider(log, TimeSpan.Zero)))
        {
            await SearchRuns.RunAsync(node.Client, "first", Spec(max: 14));
        }
        var trainedFirst = log.Keys("first").ToHashSet();

        // The second search crashes after its import is recorded and some of its own trainings; the next node resumes it.
        var crashed = new TrainingLog();
        var first = await TestNode.StartAsync(database.Storage, RecordingTrainer.Provider(crashed, TimeSpan.FromMilliseconds(30)), slots: 1);
        await first.Client.SubmitAsync("second", Spec(max: 9), SearchRuns.Deadline);
        await Wait.UntilAsync(() => crashed.Count >= 3, SearchRuns.Deadline, "3 trainings of the second search");
        await first.TerminateAsync();
        var resumedLog = new TrainingLog();
        SearchResult reused;
        await using (var second = await TestNode.StartAsync(database.Storage, RecordingTrainer.Provider(resumedLog, TimeSpan.Zero)))
        {
            reused = await SearchRuns.FinishAsync(second.Client, "second");
        }

        Assert.DoesNotContain(crashed.Keys("second").Concat(resumedLog.Keys("second")), trainedFirst.Contains);
        Assert.True(reused.TrialsReused > 0, $"nothing reused: {reused}");
        Assert.Equal(separate.TrialsTrained, reused.TrialsTrained + reused.TrialsReused);
        Assert.Equal(separate.TrialsCached, reused.TrialsCached - reused.TrialsReused);
        Assert.Equal(separate.Best, reused.Best);
        Assert.Equal(separate.ParetoFront, reused.ParetoFront);
        Assert.Equal(separate.Depths, reused.Depths);
        var imported = Assert.IsType<TrialsImported>(JournalReader.Events(database.Storage, "search-second")[0]);
        Assert.Equal(["first"], imported.Sources);
        Assert.Equal(trainedFirst.Count, imported.Trials.Count);
    }

    [Fact]
    public async Task A_search_that_does_not_opt_in_or_has_another_trainer_setting_reuses_nothing()
    {
        using var folder = new TempFolder();
        await using var database = await TestDatabase.CreateAsync("sqlite", folder, "apart");
        var log = new TrainingLog();
        await using var node = await TestNode.StartAsync(database.Storage, RecordingTrainer.Provider(log, TimeSpan.Zero));
        await SearchRuns.RunAsync(node.Client, "first", Spec(max: 14));
        var otherTrainer = Spec(max: 9);
        otherTrainer.Trainer.TimeoutSeconds = 600;

        var unshared = await SearchRuns.RunAsync(node.Client, "unshared", Spec(max: 9, TrialCache.Off));
        var other = await SearchRuns.RunAsync(node.Client, "other-trainer", otherTrainer);
        var shared = await SearchRuns.RunAsync(node.Client, "shared", Spec(max: 9));

        Assert.Equal((0L, 0L), (unshared.TrialsReused, other.TrialsReused));
        Assert.Contains(log.Keys("unshared"), log.Keys("first").Contains);
        Assert.Contains(log.Keys("other-trainer"), log.Keys("first").Contains);
        Assert.True(shared.TrialsReused > 0);
        Assert.Equal(unshared.TrialsTrained, shared.TrialsTrained + shared.TrialsReused);
        Assert.Equal(unshared.Best, shared.Best);
        var status = await node.Client.GetAsync("shared", SearchRuns.Deadline);
        Assert.Equal(shared.TrialsReused, status!.Result.TrialsReused);
        var trials = await node.Client.TrialsAsync("shared", SearchRuns.Deadline);
        Assert.Equal(shared.TrialsReused, trials.Count(t => t.ReusedFrom == "first"));
        Assert.DoesNotContain(trials, t => t.ReusedFrom.Length > 0 && t.ReusedFrom != "first");
    }
}
