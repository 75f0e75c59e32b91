using LayerNas.Cluster.Tests.Support;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class TrialFailureTests
{
    [Fact]
    public async Task Trainer_exceptions_become_failed_trials_with_readable_reasons_after_their_retries()
    {
        using var folder = new TempFolder();
        var log = new TrainingLog();
        // Burgers on a plain bun always fail with a trainer's reason; those on sesame throw a plain exception.
        var trainers = RecordingTrainer.Provider(log, TimeSpan.Zero, job =>
            job.OptionNames[0] == "plain" ? new TrainerException("the plain buns are gone")
            : job.OptionNames[0] == "sesame" ? new InvalidOperationException("no sesame left")
            : null);
        await using var node = await TestNode.StartAsync(folder.File("fail.db"), trainers);

        var result = await SearchRuns.RunAsync(node.Client, "failing", TestSpecs.Burger());

        Assert.NotEmpty(result.FailedTrials);
        Assert.All(result.FailedTrials, f => Assert.Equal(3, f.Attempts));
        Assert.Contains(result.FailedTrials, f => f.Reason == "the plain buns are gone");
        Assert.Contains(result.FailedTrials, f => f.Reason == "InvalidOperationException: no sesame left");
        Assert.Equal(result.FailedTrials.Count, result.TrialsFailed);
        Assert.Equal(result.TrialsTrained + 3 * result.TrialsFailed, log.Count);
        Assert.Contains(result.Best.Architecture[0], new[] { "brioche", "pretzel" });
    }

    [Fact]
    public async Task A_trial_that_overruns_its_timeout_fails_as_timed_out()
    {
        using var folder = new TempFolder();
        var spec = TestSpecs.Burger();
        spec.Trainer.TimeoutSeconds = 0.2;
        spec.Trainer.MaxRetries = 0;
        await using var node = await TestNode.StartAsync(folder.File("slow.db"), RecordingTrainer.Provider(new TrainingLog(), TimeSpan.FromMinutes(5)));

        var result = await SearchRuns.RunAsync(node.Client, "slow", spec);

        Assert.Equal(0, result.TrialsTrained);
        Assert.NotEmpty(result.FailedTrials);
        Assert.All(result.FailedTrials, f => Assert.Equal(("timed out after 0.2 s", 1), (f.Reason, f.Attempts)));
    }
}
