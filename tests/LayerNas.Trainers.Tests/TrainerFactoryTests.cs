using LayerNas.Core.Costs;
using LayerNas.Core.Synthetic;
using Spec = LayerNas.Protocol.V1;

namespace LayerNas.Trainers.Tests;

public sealed class TrainerFactoryTests
{
    private static readonly BenchmarkTable Table = BenchmarkTable.Parse("arch,seed,acc\nc3:w16,0,0.5\nc3:w16,1,0.7\n", "arch");

    private static BenchmarkTable Load(string path, string keyColumn) => path == "bench.csv" ? Table : throw new FileNotFoundException($"could not find '{path}'");

    [Fact]
    public async Task Builds_a_synthetic_trainer_with_the_spec_seed_and_interaction()
    {
        var spec = new Spec.Trainer { Synthetic = new Spec.SyntheticTrainer { Seed = 5, Interaction = 0.25 } };
        await using var trainer = TrainerFactory.Create(spec, Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()));
        Assert.IsType<SyntheticTrainer>(trainer);
        var outcome = await trainer.TrainAsync(Jobs.For(1, 2), CancellationToken.None);
        Assert.Equal(new SyntheticReward(5, 0.25).Reward(Jobs.Space, Jobs.For(1, 2).Architecture), outcome.Reward);
    }

    [Fact]
    public async Task Synthetic_defaults_are_the_documented_ones()
    {
        var spec = new Spec.Trainer { Synthetic = new Spec.SyntheticTrainer { Seed = 5 } };
        await using var trainer = TrainerFactory.Create(spec, Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()));
        var outcome = await trainer.TrainAsync(Jobs.For(0, 1), CancellationToken.None);
        Assert.Equal(new SyntheticReward(5, SyntheticReward.DefaultInteraction).Reward(Jobs.Space, Jobs.For(0, 1).Architecture), outcome.Reward);
    }

    [Theory]
    [InlineData(-1.0, 0.0, "interaction must be a finite number ≥ 0, not -1")]
    [InlineData(double.NaN, 0.0, "interaction must be a finite number ≥ 0, not NaN")]
    [InlineData(0.5, -2.0, "seconds must lie between 0 and")]
    [InlineData(0.5, double.PositiveInfinity, "seconds must lie between 0 and")]
    public void Bad_synthetic_settings_are_refused(double interaction, double seconds, string message)
    {
        var spec = new Spec.Trainer { Synthetic = new Spec.SyntheticTrainer { Seed = 1, Interaction = interaction, Seconds = seconds } };
        Assert.Contains(message, Assert.Throws<TrainerException>(() => TrainerFactory.Create(spec, Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()))).Message);
    }

    [Theory]
    [InlineData(-0.5, 0.0, "secondsPerCost must be a finite number ≥ 0, not -0.5")]
    [InlineData(double.NaN, 0.0, "secondsPerCost must be a finite number ≥ 0, not NaN")]
    [InlineData(0.0, 1.0, "jitter must be ≥ 0 and < 1, not 1")]
    [InlineData(0.0, -0.25, "jitter must be ≥ 0 and < 1, not -0.25")]
    public void Bad_synthetic_durations_are_refused(double secondsPerCost, double jitter, string message)
    {
        var spec = new Spec.Trainer { Synthetic = new Spec.SyntheticTrainer { Seed = 1, SecondsPerCost = secondsPerCost, Jitter = jitter } };
        Assert.Contains(message, Assert.Throws<TrainerException>(() => TrainerFactory.Create(spec, Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()))).Message);
    }

    [Fact]
    public async Task Builds_a_tabular_trainer_reading_the_mean_or_the_seeded_row()
    {
        var spec = new Spec.Trainer { Tabular = new Spec.TabularTrainer { Path = "bench.csv", Key = "arch", Reward = "acc" } };
        await using var mean = TrainerFactory.Create(spec, Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()));
        Assert.Equal(0.6, (await mean.TrainAsync(Jobs.For(0, 0), CancellationToken.None)).Reward, 12);
        await using var seeded = TrainerFactory.Create(spec, Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()), tableSeed: 1);
        Assert.Contains((await seeded.TrainAsync(Jobs.For(0, 0), CancellationToken.None)).Reward, new[] { 0.5, 0.7 });
    }

    [Fact]
    public void Bad_tabular_settings_are_refused()
    {
        Spec.Trainer Tabular(string path, string key, string reward) => new() { Tabular = new Spec.TabularTrainer { Path = path, Key = key, Reward = reward } };
        Assert.Equal("cannot load the table 'missing.csv': could not find 'missing.csv'",
            Assert.Throws<TrainerException>(() => TrainerFactory.Create(Tabular("missing.csv", "arch", "acc"), Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()))).Message);
        Assert.Equal("the table 'bench.csv' is keyed by 'arch', the trainer names the key 'name'",
            Assert.Throws<TrainerException>(() => TrainerFactory.Create(Tabular("bench.csv", "name", "acc"), Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()))).Message);
        Assert.Equal("the tabular trainer names no reward column",
            Assert.Throws<TrainerException>(() => TrainerFactory.Create(Tabular("bench.csv", "arch", ""), Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()))).Message);
        Assert.Contains("no column 'top1'",
            Assert.Throws<TrainerException>(() => TrainerFactory.Create(Tabular("bench.csv", "arch", "top1"), Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()))).Message);
    }

    [Fact]
    public async Task The_process_trainer_runs_in_the_specs_working_directory()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"layernas-factory-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var spec = new Spec.Trainer { Process = new Spec.ProcessTrainer { Command = { "./missing-trainer" }, WorkingDirectory = folder } };
            await using var trainer = TrainerFactory.Create(spec, Jobs.Space, Load, ProcessLaunch.Trusted(folder));

            Assert.IsType<ProcessTrainer>(trainer);
            var error = await Assert.ThrowsAsync<TrainerException>(() => trainer.TrainAsync(Jobs.For(0, 0), CancellationToken.None));
            Assert.Contains("missing-trainer", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_spec_without_a_trainer_is_refused()
    {
        Assert.Contains("names no trainer", Assert.Throws<TrainerException>(() => TrainerFactory.Create(new Spec.Trainer(), Jobs.Space, Load, ProcessLaunch.Trusted(Path.GetTempPath()))).Message);
    }
}
