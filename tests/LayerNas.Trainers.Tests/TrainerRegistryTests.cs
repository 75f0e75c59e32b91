using LayerNas.Core.Space;
using ProcessTrainerSpec = LayerNas.Protocol.V1.ProcessTrainer;

namespace LayerNas.Trainers.Tests;

public sealed class TrainerRegistryTests
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "scripts", "fault_trainer.py");

    private static readonly SearchSpace Space = new([
        new SearchLayer("behaviour", [new LayerOption("ok", 0)]),
        new SearchLayer("size", [new LayerOption("small", 0)]),
    ]);

    [Theory]
    [InlineData("fm=python3 train.py", new[] { "python3", "train.py" }, new string[0])]
    [InlineData("fm= OMP_NUM_THREADS=1 CUDA_VISIBLE_DEVICES={gpu}  python3 'my trainer.py' --lr \"0.1 \\\"x\\\"\" a\\ b", new[] { "python3", "my trainer.py", "--lr", "0.1 \"x\"", "a b" }, new[] { "OMP_NUM_THREADS=1", "CUDA_VISIBLE_DEVICES={gpu}" })]
    [InlineData("x.y_z-1=/bin/prog A=B", new[] { "/bin/prog", "A=B" }, new string[0])]
    public void A_registration_is_a_name_then_environment_words_then_the_command_split_as_a_shell_would(string registration, string[] command, string[] environment)
    {
        var trainer = RegisteredTrainer.Parse(registration);

        Assert.Equal(command, (IEnumerable<string>)trainer.Command);
        Assert.Equal(environment, trainer.Environment.Select(e => $"{e.Key}={e.Value}"));
    }

    [Theory]
    [InlineData("python3 train.py", "'python3 train.py' is not NAME=[VAR=VALUE ...] PROGRAM [ARG ...]")]
    [InlineData("=python3", "'' is not a trainer name (1 to 64 letters, digits, '.', '_' or '-', starting with a letter or a digit)")]
    [InlineData("my trainer=python3", "'my trainer' is not a trainer name (1 to 64 letters, digits, '.', '_' or '-', starting with a letter or a digit)")]
    [InlineData("fm=A=1 B=2", "trainer 'fm' names no program (NAME=[VAR=VALUE ...] PROGRAM [ARG ...])")]
    [InlineData("fm=python3 'open", "a single quote is not closed")]
    [InlineData("fm=python3 \"open", "a double quote is not closed")]
    [InlineData("fm=python3 \\", "the line ends with a backslash")]
    public void A_bad_registration_is_refused_with_its_problem(string registration, string expected) =>
        Assert.Equal(expected, Assert.Throws<FormatException>(() => RegisteredTrainer.Parse(registration)).Message);

    [Fact]
    public void A_registered_trainer_runs_with_its_own_command_and_environment_and_the_slots_index_and_gpu()
    {
        var registry = new TrainerRegistry([RegisteredTrainer.Parse("fm=MODE=slot-{slot} python3 train.py --device cuda:{gpu}")], trustsSpecCommands: false, "/srv/trainers");
        var spec = new ProcessTrainerSpec { Name = "fm", Command = { "/bin/sh", "-c", "never" }, Env = { ["LD_PRELOAD"] = "/tmp/evil.so" }, Settings = { ["lr"] = "0.1" } };

        var process = registry.Resolve(spec, new TrainerSlot(2, "7"));

        Assert.Equal(["python3", "train.py", "--device", "cuda:7"], process.Command);
        Assert.Equal(new Dictionary<string, string> { ["MODE"] = "slot-2", ["LAYERNAS_SLOT"] = "2", ["CUDA_VISIBLE_DEVICES"] = "7" }, process.Env);
        Assert.Equal("/srv/trainers", process.WorkingDirectory);
        Assert.Equal("0.1", process.Settings["lr"]);
    }

    [Fact]
    public void Without_trust_a_spec_command_is_refused_at_submit_and_never_resolved_on_a_worker()
    {
        var registry = new TrainerRegistry([RegisteredTrainer.Parse("fm=python3 train.py")], trustsSpecCommands: false, "/");
        var command = new ProcessTrainerSpec { Command = { "/bin/sh", "-c", "touch /tmp/owned" } };

        Assert.StartsWith("this cluster runs only trainers its operator registered", registry.Refusal(command));
        Assert.Null(registry.Refusal(new ProcessTrainerSpec { Name = "fm", Command = { "/bin/sh" } }));
        Assert.StartsWith("this cluster runs only trainers its operator registered", Assert.Throws<TrainerException>(() => registry.Resolve(command, TrainerSlot.First)).Message);
        Assert.Equal("this worker has no trainer named 'other' (it has fm)",
            Assert.Throws<TrainerException>(() => registry.Resolve(new ProcessTrainerSpec { Name = "other", Command = { "/bin/sh" } }, TrainerSlot.First)).Message);
        Assert.Equal("trainer 'gpu' uses {gpu}, but this worker binds its slots to no GPUs (--gpus)",
            Assert.Throws<TrainerException>(() => new TrainerRegistry([RegisteredTrainer.Parse("gpu=train --gpu {gpu}")], false, "/").Resolve(new ProcessTrainerSpec { Name = "gpu" }, TrainerSlot.First)).Message);
    }

    [Fact]
    public void Where_commands_are_trusted_a_spec_runs_its_own_command_unless_its_name_is_registered()
    {
        var registry = new TrainerRegistry([RegisteredTrainer.Parse("fm=python3 registered.py")], trustsSpecCommands: true, "/");
        var own = new ProcessTrainerSpec { Name = "other", Command = { "python3", "own.py" }, Env = { ["A"] = "1", ["LAYERNAS_SLOT"] = "9" }, WorkingDirectory = "/work" };

        var process = registry.Resolve(own, new TrainerSlot(1, null));
        var registered = registry.Resolve(new ProcessTrainerSpec { Name = "fm", Command = { "python3", "own.py" } }, TrainerSlot.First);

        Assert.Equal(["python3", "own.py"], process.Command);
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["LAYERNAS_SLOT"] = "1" }, process.Env);
        Assert.Equal("/work", process.WorkingDirectory);
        Assert.Equal(["python3", "registered.py"], registered.Command);
    }

    [Fact]
    public async Task Each_slots_trainer_process_learns_its_slot_and_gpu_from_its_environment()
    {
        using var logs = new TempFolder();
        var registry = new TrainerRegistry([RegisteredTrainer.Parse($"faults=/usr/bin/python3 {Script}")], trustsSpecCommands: false, logs.Path);
        var spec = new LayerNas.Protocol.V1.Trainer { Process = new ProcessTrainerSpec { Name = "faults" } };
        var seen = new List<(double Slot, double Gpu)>();

        foreach (var slot in new[] { new TrainerSlot(0, "3"), new TrainerSlot(1, "5") })
        {
            await using var trainer = TrainerFactory.Create(spec, Space, (_, _) => throw new InvalidOperationException(), new ProcessLaunch(registry, logs.Path, slot));
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var outcome = await trainer.TrainAsync(new TrainingJob("s", 1, new Architecture([0, 0]), ["ok", "small"], 1), deadline.Token);
            seen.Add((outcome.Metrics["slot"], outcome.Metrics["gpu"]));
        }

        Assert.Equal([(0.0, 3.0), (1.0, 5.0)], seen);
    }
}
