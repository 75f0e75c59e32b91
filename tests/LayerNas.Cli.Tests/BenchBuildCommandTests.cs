using LayerNas.Cli.Bench;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Tests.Support;
using LayerNas.Core;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Space;
using LayerNas.Core.Specs;
using LayerNas.Core.Synthetic;
using LayerNas.Protocol.V1;
using LayerNas.Trainers.Tests;

namespace LayerNas.Cli.Tests;

public sealed class BenchBuildCommandTests
{
    [Fact]
    public async Task Bench_build_trains_every_architecture_whatever_the_specs_strategy_and_target_and_writes_the_trainers_numbers()
    {
        using var folder = new TempFolder();
        var spec = WriteSynthetic(folder, "tiny", layers: 3, options: 3, seconds: 0);

        var outcome = await Layernas.RunAsync(folder.Path, "bench", "build", spec, "--output", "tables/tiny.csv", "--workers", "2");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("table: 27 rows written to tables/tiny.csv", outcome.Stdout);
        var table = BenchmarkTable.Parse(File.ReadAllText(folder.File("tables/tiny.csv")), "arch");
        Assert.Equal(["arch", "cost", "val_acc", "train_seconds", "trial_seconds"], table.Header.ToArray());
        var space = SpaceBuilder.Build(SpecFile.Load(spec));
        var reward = new SyntheticReward(5);
        var journal = Completed(folder.File("layernas.db"), BenchBuildCommand.Searches(SpecFile.Load(spec), null).Single().Spec, space);
        Assert.Equal(27, table.RowCount);
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            Assert.Equal(1, table.RowsFor(key));
            Assert.Equal(reward.Reward(space, architecture), table.Value(key, "val_acc"));
            Assert.Equal(journal[key].Reward, table.Value(key, "val_acc"));
            Assert.Equal(journal[key].Seconds, table.Value(key, "trial_seconds"));
            Assert.Equal(new AdditiveCostModel(space).Cost(architecture), table.Value(key, "cost"));
        }
    }

    [Fact]
    public async Task A_real_fashion_mnist_table_has_the_cost_models_params_and_macs_and_every_figure_the_trainer_measured()
    {
        TorchRequirement.Check();
        using var folder = new TempFolder();
        var spec = WriteFashionMnist(folder);

        var outcome = await Layernas.RunAsync(folder.Path, "bench", "build", spec, "--output", "fashion.csv", "--workers", "2");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var table = BenchmarkTable.Parse(File.ReadAllText(folder.File("fashion.csv")), "arch");
        Assert.Equal(["arch", "params", "macs", "val_acc", "latency_ms", "test_acc", "train_loss", "train_seconds", "trial_seconds"], table.Header.ToArray());
        var loaded = SpecFile.Load(spec);
        var space = SpaceBuilder.Build(loaded);
        var conv = ConvMacsCostModel.Create(loaded.Cost.ConvMacs, space);
        var journal = Completed(folder.File("layernas.db"), BenchBuildCommand.Searches(loaded, null).Single().Spec, space);
        Assert.Equal(4, table.RowCount);
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            var trained = journal[key];
            Assert.Equal(conv.Figures(architecture).Params, table.Value(key, "params"));
            Assert.Equal(conv.Figures(architecture).Macs, table.Value(key, "macs"));
            Assert.Equal(trained.Metrics["params"], table.Value(key, "params"));
            Assert.Equal(trained.Metrics["macs"], table.Value(key, "macs"));
            Assert.Equal(trained.Reward, table.Value(key, "val_acc"));
            Assert.InRange(trained.Reward, 0.05, 1);
            foreach (var metric in new[] { "latency_ms", "test_acc", "train_loss", "train_seconds" })
            {
                Assert.Equal(trained.Metrics[metric], table.Value(key, metric));
            }
        }
    }

    [Fact]
    public async Task A_build_killed_midway_resumes_without_training_a_completed_architecture_again_and_a_finished_one_answers_from_the_database()
    {
        using var folder = new TempFolder();
        var spec = WriteSynthetic(folder, "slow", layers: 4, options: 4, seconds: 0.05);
        var effective = BenchBuildCommand.Searches(SpecFile.Load(spec), null).Single().Spec;
        var searchId = SearchIds.Of(effective);
        var database = folder.File("layernas.db");

        using (var doomed = Layernas.Start(folder.Path, "bench", "build", spec, "--output", "slow.csv", "--workers", "2"))
        {
            await Wait.UntilAsync(() => CompletedSoFar(database, searchId) >= 40, Layernas.Deadline, "40 completed trials");
            doomed.Kill();
            await doomed.WaitForExitAsync();
        }
        var before = JournalReader.Completed(database, searchId);
        Assert.InRange(before.Count, 40, 255);
        Assert.False(File.Exists(folder.File("slow.csv")));

        var resumed = await Layernas.RunAsync(folder.Path, "bench", "build", spec, "--output", "slow.csv", "--workers", "2");

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("resumes", resumed.Stdout);
        var completed = JournalReader.Completed(database, searchId);
        Assert.Equal(256, completed.Count);
        Assert.Equal(256, completed.Select(c => string.Join(':', c.Architecture)).Distinct().Count());
        var space = SpaceBuilder.Build(effective);
        var table = BenchmarkTable.Parse(File.ReadAllText(folder.File("slow.csv")), "arch");
        Assert.Equal(256, table.RowCount);
        foreach (var trained in before)
        {
            Assert.Equal(trained.Seconds, table.Value(space.Key(trained.Architecture.ToArchitecture()), "trial_seconds"));
        }

        var again = await Layernas.RunAsync(folder.Path, "bench", "build", spec, "--output", "again.csv", "--workers", "2");

        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("finished before", again.Stdout);
        Assert.Equal(File.ReadAllText(folder.File("slow.csv")), File.ReadAllText(folder.File("again.csv")));
        Assert.Equal(256, JournalReader.Completed(database, searchId).Count);
    }

    [Fact]
    public async Task A_build_on_a_database_another_process_writes_is_refused_at_start_with_one_line()
    {
        using var folder = new TempFolder();
        var spec = WriteSynthetic(folder, "tiny", layers: 2, options: 2, seconds: 0);
        var database = folder.File("layernas.db");

        Layernas.Outcome refused;
        await using (await StorageLock.AcquireAsync(StorageSettings.SqliteFile(database), CancellationToken.None))
        {
            refused = await Layernas.RunAsync(folder.Path, "bench", "build", spec, "--output", "tiny.csv");
        }

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"error: cannot use {database}: another layernas process is using it (it holds {database}.lock)", Assert.Single(refused.StderrLines));
        Assert.False(File.Exists(folder.File("tiny.csv")));
    }

    [Fact]
    public async Task Several_seeds_train_every_architecture_once_per_seed_with_the_trainers_seed_set()
    {
        using var folder = new TempFolder();
        var spec = WriteSynthetic(folder, "seeded", layers: 3, options: 3, seconds: 0);

        var outcome = await Layernas.RunAsync(folder.Path, "bench", "build", spec, "--output", "seeded.csv", "--seeds", "11,4");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var table = BenchmarkTable.Parse(File.ReadAllText(folder.File("seeded.csv")), "arch");
        Assert.Equal(["arch", "seed", "cost", "val_acc", "train_seconds", "trial_seconds"], table.Header.ToArray());
        Assert.Equal(54, table.RowCount);
        var space = SpaceBuilder.Build(SpecFile.Load(spec));
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            Assert.Equal(2, table.RowsFor(key));
            Assert.Equal((11.0, new SyntheticReward(11).Reward(space, architecture)), (table.Value(key, "seed", 0)!.Value, table.Value(key, "val_acc", 0)!.Value));
            Assert.Equal((4.0, new SyntheticReward(4).Reward(space, architecture)), (table.Value(key, "seed", 1)!.Value, table.Value(key, "val_acc", 1)!.Value));
        }
    }

    public static TheoryData<string, string[]> BadInputs => new()
    {
        { "missing --output TABLE.csv", ["bench", "build", "SYNTHETIC"] },
        { "missing the spec file", ["bench", "build", "--output", "t.csv"] },
        { "spec file not found", ["bench", "build", "missing.json", "--output", "t.csv"] },
        { "unknown option --frob", ["bench", "build", "SYNTHETIC", "--output", "t.csv", "--frob"] },
        { "option --workers needs a whole number from 1 to 4096, not '0'", ["bench", "build", "SYNTHETIC", "--output", "t.csv", "--workers", "0"] },
        { "option --output needs a value", ["bench", "build", "SYNTHETIC", "--output"] },
        { "option --seeds needs whole numbers ≥ 0 separated by commas, not '1,x'", ["bench", "build", "SYNTHETIC", "--output", "t.csv", "--seeds", "1,x"] },
        { "option --seeds names seed 1 twice", ["bench", "build", "SYNTHETIC", "--output", "t.csv", "--seeds", "1,2,1"] },
        { "option --seeds needs a process or synthetic trainer", ["bench", "build", "TABULAR", "--output", "t.csv", "--seeds", "1"] },
        { "the space holds 2,097,152 architectures; bench build trains every one and accepts at most 1,000,000", ["bench", "build", "HUGE", "--output", "t.csv"] },
        { "$.layers[0].options[1].name", ["bench", "build", "COMMA", "--output", "t.csv"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_exits_2_with_one_line_on_stderr_and_builds_nothing(string expected, string[] args)
    {
        using var folder = new TempFolder();
        var comma = WriteSynthetic(folder, "comma", layers: 1, options: 2, seconds: 0);
        File.WriteAllText(comma, File.ReadAllText(comma).Replace("\"o1\"", "\"o,1\""));
        var resolved = args.Select(a => a switch
        {
            "SYNTHETIC" => WriteSynthetic(folder, "synthetic", layers: 2, options: 2, seconds: 0),
            "TABULAR" => Examples.Path("cnn-table.json"),
            "HUGE" => WriteSynthetic(folder, "huge", layers: 7, options: 8, seconds: 0),
            "COMMA" => comma,
            _ => a,
        }).ToArray();

        var outcome = await Layernas.RunAsync(folder.Path, resolved);

        Layernas.AssertRefused(outcome, expected, folder.Path);
        Assert.False(File.Exists(folder.File("t.csv")));
    }

    private static Dictionary<string, TrialCompleted> Completed(string database, SearchSpec effective, SearchSpace space) =>
        JournalReader.Completed(database, SearchIds.Of(effective)).ToDictionary(c => space.Key(c.Architecture.ToArchitecture()));

    private static long CompletedSoFar(string database, string searchId)
    {
        if (!File.Exists(database))
        {
            return 0;
        }
        try
        {
            return JournalReader.Completed(database, searchId).Count;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The tables do not exist yet, or a write holds the file for a moment.
            return 0;
        }
    }

    /// <summary>An additive LayerNAS spec with a narrow target and a small trial budget: bench build must ignore all three.</summary>
    private static string WriteSynthetic(TempFolder folder, string name, int layers, int options, double seconds)
    {
        var spec = new SearchSpec
        {
            Name = name,
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = layers + 1, Max = layers + 2 },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = 4 }, MaxTrials = 5 },
            Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = 5, Seconds = seconds } },
        };
        for (var layer = 0; layer < layers; layer++)
        {
            spec.Layers.Add(new Layer { Name = $"l{layer}", Options = { Enumerable.Range(0, options).Select(o => new Protocol.V1.LayerOption { Name = $"o{o}", Cost = o + 1 }) } });
        }
        var path = folder.File($"{name}.json");
        File.WriteAllText(path, Google.Protobuf.JsonFormatter.Default.Format(spec));
        return path;
    }

    /// <summary>Two layers of 8 or 16 channels trained for one epoch on 100 Fashion-MNIST images.</summary>
    private static string WriteFashionMnist(TempFolder folder)
    {
        var spec = new SearchSpec
        {
            Name = "fashion-tiny",
            Cost = new CostModel { ConvMacs = new ConvMacsCost { Space = "nats-size" } },
            Strategy = new Strategy { Grid = new GridSettings() },
            Trainer = new Trainer
            {
                Process = new ProcessTrainer
                {
                    Command = { TorchRequirement.Python, Examples.Path("trainers/fashion_mnist.py") },
                    Env = { ["OMP_NUM_THREADS"] = "1" },
                    Settings =
                    {
                        ["space"] = "nats-size", ["epochs"] = "1", ["train_examples"] = "100", ["validation_examples"] = "100",
                        ["test_examples"] = "100", ["latency_runs"] = "1", ["seed"] = "0",
                    },
                },
                TimeoutSeconds = 120,
                MaxRetries = 0,
            },
        };
        for (var layer = 0; layer < 2; layer++)
        {
            spec.Layers.Add(new Layer { Name = $"layer{layer + 1}", Options = { new Protocol.V1.LayerOption { Name = "8" }, new Protocol.V1.LayerOption { Name = "16" } } });
        }
        var path = folder.File("fashion-tiny.json");
        File.WriteAllText(path, Google.Protobuf.JsonFormatter.Default.Format(spec));
        return path;
    }
}
