using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class SearchRecoveryTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_search_whose_node_stops_abruptly_midway_resumes_from_its_journal_to_the_same_result_without_training_a_completed_trial_again(string storage)
    {
        using var folder = new TempFolder();
        var spec = TestSpecs.Grid("grid", layers: 4, options: 6, buckets: 6);
        Protocol.V1.SearchResult reference;
        await using (var clean = await TestDatabase.CreateAsync(storage, folder, "reference"))
        {
            reference = await RunOnce(clean, spec);
        }

        await using var database = await TestDatabase.CreateAsync(storage, folder, "crash");
        var firstLog = new TrainingLog();
        var first = await TestNode.StartAsync(database.Storage, RecordingTrainer.Provider(firstLog, TimeSpan.FromMilliseconds(20)), slots: 2,
            manager: new SearchManagerSettings { SnapshotEvery = 10 });
        await first.Client.SubmitAsync("grid", spec, SearchRuns.Deadline);
        await Wait.UntilAsync(() => firstLog.Count >= 40, SearchRuns.Deadline, "40 trainings");
        await first.TerminateAsync();
        var completedBefore = JournalReader.Completed(database.Storage, "grid");
        Assert.InRange(completedBefore.Count, 30, reference.TrialsTrained - 1);

        var secondLog = new TrainingLog();
        await using (var second = await TestNode.StartAsync(database.Storage, RecordingTrainer.Provider(secondLog, TimeSpan.Zero), slots: 2))
        {
            var resumed = await SearchRuns.RunAsync(second.Client, "grid", spec);
            Assert.Equal(reference, resumed);
        }

        var completedKeys = completedBefore.Select(c => string.Join(':', c.Architecture)).ToHashSet();
        Assert.DoesNotContain(secondLog.Keys("grid"), completedKeys.Contains);
        var completedAfter = JournalReader.Completed(database.Storage, "grid");
        Assert.Equal(completedAfter.Count, completedAfter.Select(c => c.TrialNumber).Distinct().Count());
        Assert.Equal(reference.TrialsTrained, completedAfter.Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_finished_search_is_answered_from_the_journal_without_training(string storage)
    {
        using var folder = new TempFolder();
        await using var database = await TestDatabase.CreateAsync(storage, folder, "done");
        var spec = TestSpecs.Burger();
        var result = await RunOnce(database, spec);

        var log = new TrainingLog();
        await using var node = await TestNode.StartAsync(database.Storage, RecordingTrainer.Provider(log, TimeSpan.Zero));
        var accepted = await node.Client.SubmitAsync("grid", spec, SearchRuns.Deadline);
        var again = await SearchRuns.FinishAsync(node.Client, "grid");

        Assert.True(accepted.Existing && accepted.Finished);
        Assert.Equal(result, again);
        Assert.Equal(0, log.Count);
    }

    private static async Task<Protocol.V1.SearchResult> RunOnce(TestDatabase database, Protocol.V1.SearchSpec spec)
    {
        await using var node = await TestNode.StartAsync(database.Storage, RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero));
        return await SearchRuns.RunAsync(node.Client, "grid", spec);
    }
}
