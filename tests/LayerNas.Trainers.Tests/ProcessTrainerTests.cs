using System.Runtime.Versioning;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using ProcessTrainerSpec = LayerNas.Protocol.V1.ProcessTrainer;

namespace LayerNas.Trainers.Tests;

// Trainer processes are started as on the Linux machines the cluster runs on.
[SupportedOSPlatform("linux")]
public sealed class ProcessTrainerTests : IAsyncLifetime
{
    private const string SearchId = "search-1";
    private static readonly string[] Behaviours = ["ok", "crash", "quit", "hang", "garbage", "partial", "wrong-id", "error", "nan", "twice", "blank"];
    private static readonly SearchSpace Space = new([
        new SearchLayer("behaviour", [.. Behaviours.Select(b => new LayerOption(b, 0))]),
        new SearchLayer("size", [new LayerOption("small", 0), new LayerOption("large", 0)]),
    ]);

    private readonly TempFolder _logs = new();
    private readonly List<ProcessTrainer> _trainers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var trainer in _trainers)
        {
            await trainer.DisposeAsync();
        }
        _logs.Dispose();
    }

    private static ProcessTrainerSpec FaultSpec(params (string Key, string Value)[] settings)
    {
        var spec = new ProcessTrainerSpec { Command = { "/usr/bin/python3", "scripts/fault_trainer.py" } };
        foreach (var (key, value) in settings)
        {
            spec.Settings[key] = value;
        }
        return spec;
    }

    private ProcessTrainer NewTrainer(ProcessTrainerSpec? spec = null, string? workingDirectory = null, TimeSpan? grace = null)
    {
        var trainer = new ProcessTrainer(spec ?? FaultSpec(), Space, workingDirectory ?? AppContext.BaseDirectory, _logs.Path, grace);
        _trainers.Add(trainer);
        return trainer;
    }

    private static TrainingJob Job(long trial, string behaviour, int attempt = 1)
    {
        var architecture = new Architecture([Array.IndexOf(Behaviours, behaviour), 0]);
        return new TrainingJob(SearchId, trial, architecture, Space.Names(architecture), attempt);
    }

    private static async Task<TrialOutcome> Train(ProcessTrainer trainer, TrainingJob job, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await trainer.TrainAsync(job, cancellation.Token);
    }

    [Fact]
    public async Task A_trial_returns_the_reward_with_metrics_and_costs_merged()
    {
        var trainer = NewTrainer();
        var outcome = await Train(trainer, Job(7, "ok", attempt: 2));

        Assert.Equal(0.07, outcome.Reward);
        Assert.Equal(2, outcome.Metrics["attempt"]);
        Assert.Equal(1, outcome.Metrics["params"]);
        Assert.Equal(trainer.ProcessId, (int)outcome.Metrics["pid"]);
    }

    [Fact]
    public async Task One_process_serves_trial_after_trial()
    {
        var trainer = NewTrainer();
        var first = await Train(trainer, Job(1, "ok"));
        var second = await Train(trainer, Job(2, "blank"));

        Assert.Equal(0.02, second.Reward);
        Assert.Equal(first.Metrics["pid"], second.Metrics["pid"]);
    }

    [Fact]
    public async Task Budget_settings_travel_as_the_budget_and_the_rest_as_settings_with_the_environment()
    {
        var spec = FaultSpec(("epochs", "3"), ("train_examples", "500"), ("seed", "42"), ("lr", "0.5"), ("space", "x"));
        spec.Env["FAULT_TRAINER_VALUE"] = "9";
        var outcome = await Train(NewTrainer(spec), Job(1, "ok"));

        Assert.Equal(3, outcome.Metrics["epochs"]);
        Assert.Equal(500, outcome.Metrics["train_examples"]);
        Assert.Equal(42, outcome.Metrics["seed"]);
        Assert.Equal(2, outcome.Metrics["settings"]);
        Assert.Equal(0.5, outcome.Metrics["lr"]);
        Assert.Equal(9, outcome.Metrics["env"]);
    }

    [Fact]
    public async Task Absent_budget_settings_leave_the_budget_to_the_trainer()
    {
        var outcome = await Train(NewTrainer(), Job(1, "ok"));

        Assert.Equal(-1, outcome.Metrics["epochs"]);
        Assert.Equal(-1, outcome.Metrics["train_examples"]);
        Assert.Equal(-1, outcome.Metrics["seed"]);
        Assert.Equal(0, outcome.Metrics["settings"]);
    }

    [Theory]
    [InlineData("crash", "trainer process exited with code 3: boom: the trainer crashed", true)]
    [InlineData("quit", "trainer process exited with code 0: trial 1 attempt 1: quit", true)]
    [InlineData("garbage", "trainer wrote a line that is not a TrainResponse: 'this is not json'", true)]
    [InlineData("partial", "trainer wrote a line that is not a TrainResponse: '{\"trialId\": {\"searchId\": \"s\"'", true)]
    [InlineData("wrong-id", "trainer answered trial search-1/1001 while trial search-1/1 was running", true)]
    [InlineData("error", "out of memory on purpose", false)]
    [InlineData("nan", "trainer reported a non-finite reward (NaN)", false)]
    [InlineData("twice", "trainer reported 'params' both as a metric and as a cost", false)]
    public async Task A_fault_fails_the_trial_readably_and_the_next_trial_works(string behaviour, string reason, bool restarts)
    {
        var trainer = NewTrainer();
        var before = await Train(trainer, Job(2, "ok"));

        var error = await Assert.ThrowsAsync<TrainerException>(() => Train(trainer, Job(1, behaviour)));
        Assert.StartsWith(reason, error.Message);
        Assert.DoesNotContain('\n', error.Message);

        var after = await Train(trainer, Job(3, "ok"));
        Assert.Equal(0.03, after.Reward);
        Assert.Equal(restarts, before.Metrics["pid"] != after.Metrics["pid"]);
    }

    [Fact]
    public async Task A_discarded_stream_names_the_last_stderr_lines_when_they_have_arrived()
    {
        var trainer = NewTrainer();
        var error = await Assert.ThrowsAsync<TrainerException>(() => Train(trainer, Job(1, "garbage")));
        // The trainer's stderr pipe is read beside its stdout, so its lines may trail the bad line by a moment.
        Assert.Matches(@"^trainer wrote a line that is not a TrainResponse: 'this is not json'(; stderr: trial 1 attempt 1: garbage)?$", error.Message);
    }

    [Fact]
    public async Task A_hanging_trainer_times_out_its_process_tree_is_killed_and_the_next_trial_works()
    {
        var trainer = NewTrainer();
        var error = await Assert.ThrowsAsync<TrainerException>(() => Train(trainer, Job(1, "hang"), TimeSpan.FromSeconds(2)));
        Assert.Matches(@"^timed out after \d+\.\d s$", error.Message);
        Assert.Null(trainer.ProcessId);

        var log = trainer.LogPath(SearchId, 1);
        await Eventually.True(() => File.ReadAllText(log).Contains("child "), "the hanging trainer's child is logged");
        var child = int.Parse(File.ReadAllLines(log).Single(l => l.StartsWith("child ", StringComparison.Ordinal))["child ".Length..]);
        await Eventually.True(() => Eventually.ProcessIsGone(child), $"the trainer's child {child} is killed");

        Assert.Equal(0.02, (await Train(trainer, Job(2, "ok"))).Reward);
    }

    [Fact]
    public async Task A_second_trial_at_the_same_time_is_refused()
    {
        var trainer = NewTrainer();
        using var cancellation = new CancellationTokenSource();
        var hanging = trainer.TrainAsync(Job(1, "hang"), cancellation.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => trainer.TrainAsync(Job(2, "ok"), CancellationToken.None));
        cancellation.Cancel();
        await Assert.ThrowsAsync<TrainerException>(() => hanging);
    }

    [Fact]
    public async Task Each_trial_logs_its_stderr_to_its_own_file_and_attempts_append()
    {
        var trainer = NewTrainer();
        await Train(trainer, Job(1, "ok"));
        await Assert.ThrowsAsync<TrainerException>(() => Train(trainer, Job(2, "crash")));
        await Train(trainer, Job(2, "ok", attempt: 2));
        await trainer.DisposeAsync();

        var first = File.ReadAllText(Path.Combine(_logs.Path, SearchId, "1.log"));
        Assert.StartsWith("--- trial search-1/1, attempt 1 ---", first);
        var second = File.ReadAllLines(Path.Combine(_logs.Path, SearchId, "2.log"));
        Assert.Equal("--- trial search-1/2, attempt 1 ---", second[0]);
        Assert.Contains("trial 2 attempt 1: crash", second);
        Assert.Contains("boom: the trainer crashed", second);
        Assert.Contains("--- trial search-1/2, attempt 2 ---", second);
        Assert.Equal("trial 2 attempt 2: ok", second[^1]);
    }

    [Fact]
    public async Task Search_ids_cannot_steer_logs_out_of_the_logs_folder()
    {
        var trainer = NewTrainer();
        var architecture = new Architecture([0, 0]);
        await trainer.TrainAsync(new TrainingJob("../..", 1, architecture, Space.Names(architecture), 1), CancellationToken.None);

        Assert.Equal(Path.Combine(_logs.Path, "_", "1.log"), trainer.LogPath("..", 1));
        Assert.Equal(Path.Combine(_logs.Path, ".._..", "1.log"), trainer.LogPath("../..", 1));
        Assert.True(File.Exists(trainer.LogPath("../..", 1)));
    }

    [Fact]
    public async Task A_relative_program_path_resolves_against_the_working_directory()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "bin"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "scripts", "fault_trainer.py"), Path.Combine(folder.Path, "fault_trainer.py"));
        var launcher = Path.Combine(folder.Path, "bin", "train.sh");
        File.WriteAllText(launcher, "#!/bin/sh\nexec /usr/bin/python3 fault_trainer.py\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var trainer = NewTrainer(new ProcessTrainerSpec { Command = { "bin/train.sh" } }, folder.Path);
        Assert.Equal(0.01, (await Train(trainer, Job(1, "ok"))).Reward);
        await trainer.DisposeAsync();
    }

    [Fact]
    public async Task A_program_that_cannot_start_fails_the_trial_readably()
    {
        var trainer = NewTrainer(new ProcessTrainerSpec { Command = { "/nonexistent/trainer" } });
        var error = await Assert.ThrowsAsync<TrainerException>(() => Train(trainer, Job(1, "ok")));
        Assert.StartsWith("cannot start trainer '/nonexistent/trainer' in ", error.Message);
    }

    [Fact]
    public async Task Dispose_closes_stdin_and_the_trainer_ends()
    {
        var trainer = NewTrainer();
        var pid = (int)(await Train(trainer, Job(1, "ok"))).Metrics["pid"];
        await trainer.DisposeAsync();

        Assert.True(Eventually.ProcessIsGone(pid));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Train(trainer, Job(2, "ok")));
    }

    [Fact]
    public async Task Dispose_kills_a_trainer_that_ignores_its_closed_stdin_after_the_grace_period()
    {
        var spec = new ProcessTrainerSpec { Command = { "/bin/sh", "-c", "trap '' TERM; echo started >&2; while true; do sleep 1; done" } };
        var trainer = NewTrainer(spec, grace: TimeSpan.FromMilliseconds(300));
        using var cancellation = new CancellationTokenSource();
        var running = trainer.TrainAsync(Job(1, "ok"), cancellation.Token);
        await Eventually.True(() => trainer.ProcessId is not null, "the stubborn trainer runs");
        var pid = trainer.ProcessId!.Value;
        cancellation.Cancel();
        await Assert.ThrowsAsync<TrainerException>(() => running);
        Assert.True(Eventually.ProcessIsGone(pid));

        await Assert.ThrowsAsync<TrainerException>(() => Train(trainer, Job(2, "ok"), TimeSpan.FromMilliseconds(300)));
        pid = trainer.ProcessId ?? -1;
        await trainer.DisposeAsync();
        Assert.True(pid == -1 || Eventually.ProcessIsGone(pid));
    }

    [Theory]
    [InlineData("epochs", "many", "trainer.process.settings.epochs must be a whole number from 1 to 2147483647, got 'many'")]
    [InlineData("epochs", "0", "trainer.process.settings.epochs must be a whole number from 1 to 2147483647, got '0'")]
    [InlineData("train_examples", "1e3", "trainer.process.settings.train_examples must be a whole number from 1 to 2147483647, got '1e3'")]
    [InlineData("seed", "-1", "trainer.process.settings.seed must be a whole number from 0 to 9223372036854775807, got '-1'")]
    public void Budget_settings_that_are_not_valid_integers_are_refused(string key, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new ProcessTrainer(FaultSpec((key, value)), Space, ".", _logs.Path));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_empty_command_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ProcessTrainer(new ProcessTrainerSpec(), Space, ".", _logs.Path));
        Assert.Equal("trainer.process.command must name a program", error.Message);
    }
}
