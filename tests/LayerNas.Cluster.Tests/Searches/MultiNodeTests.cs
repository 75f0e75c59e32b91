using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class MultiNodeTests
{
    [Fact]
    public async Task Workers_on_another_node_train_every_trial_over_the_wire()
    {
        using var folder = new TempFolder();
        var log = new TrainingLog();
        await using var coordinator = await TestNode.StartCoordinatorAsync(folder.File("coordinator.db"));
        await using var worker = await TestNode.StartWorkerAsync(coordinator, RecordingTrainer.Provider(log, TimeSpan.Zero), slots: 3);

        var result = await SearchRuns.RunAsync(coordinator.Client, "remote", TestSpecs.Burger());

        Assert.InRange(result.Best.Cost, 7, 9);
        Assert.Equal(result.TrialsTrained, log.Count);
        var completed = JournalReader.Completed(folder.File("coordinator.db"), "remote");
        Assert.All(completed, c => Assert.StartsWith(worker.Address, c.Worker));
    }

    [Fact]
    public async Task A_worker_node_leaving_gracefully_hands_its_leases_back_so_no_trial_waits_for_expiry()
    {
        using var folder = new TempFolder();
        var stuckLog = new TrainingLog();
        await using var coordinator = await TestNode.StartCoordinatorAsync(folder.File("coordinator.db"));
        var leaving = await TestNode.StartWorkerAsync(coordinator, RecordingTrainer.Provider(stuckLog, TimeSpan.FromHours(1)), slots: 2);
        await coordinator.Client.SubmitAsync("handover", TestSpecs.Burger(), SearchRuns.Deadline);
        await Wait.UntilAsync(() => stuckLog.Count == 2, SearchRuns.Deadline, "the leaving node to hold two leases");

        var freshLog = new TrainingLog();
        await using var staying = await TestNode.StartWorkerAsync(coordinator, RecordingTrainer.Provider(freshLog, TimeSpan.Zero), slots: 2);
        await leaving.DisposeAsync();
        var result = await SearchRuns.FinishAsync(coordinator.Client, "handover");

        Assert.Equal(0, result.TrialsFailed);
        Assert.Equal(result.TrialsTrained, freshLog.Count);
        Assert.All(stuckLog.Jobs, job => Assert.Contains(freshLog.Jobs, j => j.TrialNumber == job.TrialNumber && j.Attempt == 1));
    }
}
