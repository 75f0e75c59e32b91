using LayerNas.Cluster.Searches;
using LayerNas.Core.Ledger;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class SearchTrialsTests
{
    [Fact]
    public async Task A_finished_search_lists_every_trial_from_its_journal_in_pages_after_a_restart()
    {
        using var folder = new TempFolder();
        var database = folder.File("trials.db");
        var spec = TestSpecs.Grid("wide", layers: 4, options: 12, buckets: 64);
        SearchResult result;
        await using (var node = await TestNode.StartAsync(database, RecordingTrainer.Provider(new TrainingLog(), TimeSpan.FromMilliseconds(1)), slots: 2,
            manager: new SearchManagerSettings { SnapshotEvery = 50 }))
        {
            result = await SearchRuns.RunAsync(node.Client, "wide", spec);
        }

        await using var restarted = await TestNode.StartAsync(database, RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero));
        var trials = await restarted.Client.TrialsAsync("wide", SearchRuns.Deadline);

        var space = TestSpecs.Space(spec);
        var journal = JournalReader.Completed(database, "wide").ToDictionary(c => c.TrialNumber);
        Assert.True(trials.Count > TrialRecords.PageSize, $"{trials.Count} trials fit in one page; the test must span several");
        Assert.Equal(result.TrialsTrained, trials.Count);
        Assert.Equal(Enumerable.Range(1, trials.Count).Select(n => (long)n), trials.Select(t => t.TrialNumber));
        foreach (var trial in trials)
        {
            var choices = trial.Architecture.Select((name, layer) => space.Layers[layer].Options.Select(o => o.Name).ToList().IndexOf(name)).ToArray();
            var recorded = journal[trial.TrialNumber];
            Assert.False(trial.Failed);
            Assert.Equal(recorded.Architecture, choices);
            Assert.Equal(RecordingTrainer.Reward(choices), trial.Reward);
            Assert.Equal(choices.Sum() + choices.Length, trial.Cost);
            Assert.Equal((recorded.Worker, recorded.Seconds), (trial.Worker, trial.Seconds));
            Assert.NotEmpty(trial.Worker);
            Assert.True(trial.Seconds > 0);
        }
    }

    [Fact]
    public async Task Failed_trials_are_listed_with_their_reason_and_attempts()
    {
        using var folder = new TempFolder();
        await using var node = await TestNode.StartAsync(folder.File("failures.db"), RecordingTrainer.Provider(
            new TrainingLog(), TimeSpan.Zero, job => job.Architecture[0] == 0 ? new InvalidOperationException("no plain buns") : null));
        var spec = TestSpecs.Burger();
        spec.Trainer.MaxRetries = 1;
        await SearchRuns.RunAsync(node.Client, "burger", spec);

        var trials = await node.Client.TrialsAsync("burger", SearchRuns.Deadline);

        var failed = trials.Where(t => t.Architecture[0] == "plain").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, t => Assert.Equal((true, 2), (t.Failed, t.Attempts)));
        Assert.All(failed, t => Assert.Contains("no plain buns", t.FailureReason));
        Assert.All(trials.Except(failed), t => Assert.False(t.Failed));
    }

    [Fact]
    public async Task Asking_for_the_trials_of_an_unknown_search_says_there_is_none()
    {
        using var folder = new TempFolder();
        await using var node = await TestNode.StartAsync(folder.File("none.db"), RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => node.Client.TrialsAsync("ghost", SearchRuns.Deadline));

        Assert.Equal("no search has the id ghost", error.Message);
    }
}
