using System.Text.Json;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public async Task The_burger_gives_byte_identical_answers_on_one_and_eight_workers_within_36_trials_and_the_cost_target()
    {
        using var folder = new TempFolder();
        var burger = Examples.Path("burger.json");

        var one = await Layernas.RunAsync(folder.Path, "run", burger, "--workers", "1", "--db", "one.db", "--output", "one.json", "--dashboard", "http://127.0.0.1:0");
        var eight = await Layernas.RunAsync(folder.Path, "run", burger, "--workers", "8", "--db", "eight.db", "--output", "eight.json");

        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.True(eight.ExitCode == 0, eight.Stderr);
        using var first = JsonDocument.Parse(File.ReadAllText(folder.File("one.json")));
        using var second = JsonDocument.Parse(File.ReadAllText(folder.File("eight.json")));
        Assert.Equal(first.RootElement.GetProperty("best").GetRawText(), second.RootElement.GetProperty("best").GetRawText());
        Assert.Equal(first.RootElement.GetProperty("paretoFront").GetRawText(), second.RootElement.GetProperty("paretoFront").GetRawText());
        Assert.InRange(long.Parse(first.RootElement.GetProperty("trialsTrained").GetString()!), 1, 36);
        Assert.InRange(first.RootElement.GetProperty("best").GetProperty("cost").GetDouble(), 7, 9);
        Assert.Contains("best: bun=", one.Stdout);
        Assert.Matches(@"dashboard at http://127\.0\.0\.1:\d+/searches/s-[0-9a-f]{12}", one.Stdout);
    }

    [Theory]
    [InlineData("layernas")]
    [InlineData("grid")]
    [InlineData("random")]
    [InlineData("evolution")]
    [InlineData("reinforce")]
    [InlineData("ppo")]
    public async Task The_table_backed_example_runs_with_every_strategy_within_its_budget(string strategy)
    {
        using var folder = new TempFolder();
        var spec = Examples.Path("cnn-table.json");

        var outcome = await Layernas.RunAsync(folder.Path, "run", spec, "--strategy", strategy, "--max-trials", "30", "--seed", "4", "--output", "result.json");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        using var result = JsonDocument.Parse(File.ReadAllText(folder.File("result.json")));
        var trained = long.Parse(result.RootElement.GetProperty("trialsTrained").GetString()!);
        Assert.InRange(trained, 1, 30);
        Assert.Equal(strategy, result.RootElement.GetProperty("strategy").GetString());
        Assert.InRange(result.RootElement.GetProperty("best").GetProperty("cost").GetDouble(), 0, 2_000_000);
        Assert.True(result.RootElement.GetProperty("best").GetProperty("metrics").TryGetProperty("test_acc", out _));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("evolution")]
    [InlineData("reinforce")]
    [InlineData("ppo")]
    public async Task The_same_seed_and_budget_give_the_same_search_on_any_number_of_workers(string strategy)
    {
        using var folder = new TempFolder();
        var spec = Examples.Path("cnn-table.json");

        var first = await Layernas.RunAsync(folder.Path, "run", spec, "--strategy", strategy, "--max-trials", "25", "--seed", "9", "--workers", "1", "--db", "a.db", "--output", "a.json");
        var second = await Layernas.RunAsync(folder.Path, "run", spec, "--strategy", strategy, "--max-trials", "25", "--seed", "9", "--workers", "4", "--db", "b.db", "--output", "b.json");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(File.ReadAllText(folder.File("a.json")), File.ReadAllText(folder.File("b.json")));
        using var result = JsonDocument.Parse(File.ReadAllText(folder.File("a.json")));
        Assert.Equal("25", result.RootElement.GetProperty("trialsTrained").GetString());
    }

    [Fact]
    public async Task A_tiny_search_trains_real_pytorch_models_through_the_process_trainer()
    {
        using var folder = new TempFolder();
        var spec = SpecFile.Load(Examples.Path("fashion-mnist-nats.json"));
        while (spec.Layers.Count > 2)
        {
            spec.Layers.RemoveAt(2);
        }
        foreach (var layer in spec.Layers)
        {
            while (layer.Options.Count > 2)
            {
                layer.Options.RemoveAt(2);
            }
        }
        spec.Target = new Target();
        spec.Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = 2 } };
        spec.Trainer.Process.Command[1] = Examples.Path("trainers/fashion_mnist.py");
        spec.Trainer.Process.Settings["epochs"] = "1";
        spec.Trainer.Process.Settings["train_examples"] = "1000";
        var path = folder.File("tiny.json");
        File.WriteAllText(path, Google.Protobuf.JsonFormatter.Default.Format(spec));

        var outcome = await Layernas.RunAsync(folder.Path, "run", path, "--workers", "2", "--output", "result.json");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        var result = SearchResult.Parser.ParseJson(File.ReadAllText(folder.File("result.json")));
        Assert.Equal(0, result.TrialsFailed);
        Assert.InRange(result.TrialsTrained, 2, 4);
        // Ten classes: a network that learned anything in one epoch beats chance (0.1) by far.
        Assert.InRange(result.Best.Reward, 0.2, 1.0);
        Assert.InRange(result.Best.Metrics["test_acc"], 0.2, 1.0);
        Assert.True(result.Best.Metrics["params"] > 0 && result.Best.Metrics["macs"] > 0);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_run_killed_midway_resumes_on_the_next_run_to_the_same_result_without_training_a_completed_trial_again(string storage)
    {
        using var folder = new TempFolder();
        var spec = WriteSlowGrid(folder);
        var searchId = SearchIds.Of(SpecOverrides.Apply(SpecFile.Load(spec), null, null, null));
        await using var referenceDb = await TestDatabase.CreateAsync(storage, folder, "reference");
        var reference = await Layernas.RunAsync(folder.Path, "run", spec, "--workers", "2", "--db", referenceDb.Argument, "--output", "reference.json");
        Assert.True(reference.ExitCode == 0, reference.Stderr);

        await using var database = await TestDatabase.CreateAsync(storage, folder, "crash");
        using (var doomed = Layernas.Start(folder.Path, "run", spec, "--workers", "2", "--db", database.Argument, "--output", "crash.json"))
        {
            await Wait.UntilAsync(() => CompletedSoFar(database, searchId) >= 15, Layernas.Deadline, "15 completed trials");
            doomed.Kill();
            await doomed.WaitForExitAsync();
        }
        var before = JournalReader.Events(database.Storage, $"search-{searchId}");
        Assert.DoesNotContain(before, e => e is SearchFinished);

        var resumed = await Layernas.RunAsync(folder.Path, "run", spec, "--workers", "2", "--db", database.Argument, "--output", "crash.json");

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("resumes", resumed.Stdout);
        Assert.Equal(File.ReadAllText(folder.File("reference.json")), File.ReadAllText(folder.File("crash.json")));
        var completed = JournalReader.Completed(database.Storage, searchId);
        Assert.Equal(completed.Count, completed.Select(c => c.TrialNumber).Distinct().Count());
        Assert.True(before.OfType<TrialCompleted>().Count() < completed.Count);
        using var result = JsonDocument.Parse(File.ReadAllText(folder.File("crash.json")));
        Assert.Equal(completed.Count, long.Parse(result.RootElement.GetProperty("trialsTrained").GetString()!));
    }

    [Fact]
    public async Task An_unreachable_postgresql_exits_1_with_one_line_naming_it()
    {
        using var folder = new TempFolder();

        var outcome = await Layernas.RunAsync(folder.Path, "run", Examples.Path("burger.json"), "--db", "Host=127.0.0.1;Port=1;Username=u;Password=secret;Database=nas;Timeout=3");

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StderrLines);
        Assert.StartsWith("error: cannot use PostgreSQL u@127.0.0.1:1/nas: ", line);
        Assert.DoesNotContain("secret", line);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public async Task A_finished_search_is_answered_from_the_database_without_training()
    {
        using var folder = new TempFolder();
        var burger = Examples.Path("burger.json");
        var first = await Layernas.RunAsync(folder.Path, "run", burger, "--output", "first.json");
        var journal = JournalReader.Events(folder.File("layernas.db"), $"search-{SearchIds.Of(SpecFile.Load(burger))}").Count;

        var again = await Layernas.RunAsync(folder.Path, "run", burger, "--output", "again.json");

        Assert.True(first.ExitCode == 0 && again.ExitCode == 0, first.Stderr + again.Stderr);
        Assert.Contains("finished before", again.Stdout);
        Assert.Equal(File.ReadAllText(folder.File("first.json")), File.ReadAllText(folder.File("again.json")));
        Assert.Equal(journal, JournalReader.Events(folder.File("layernas.db"), $"search-{SearchIds.Of(SpecFile.Load(burger))}").Count);
    }

    public static TheoryData<string, string[]> BadInputs => new()
    {
        { "spec file not found", ["run", "missing.json"] },
        { "missing the spec file", ["run"] },
        { "unknown option --frob", ["run", "BURGER", "--frob"] },
        { "option --workers needs a whole number", ["run", "BURGER", "--workers", "zero"] },
        { "option --workers needs a whole number", ["run", "BURGER", "--workers", "0"] },
        { "option --seed needs a value", ["run", "BURGER", "--seed"] },
        { "unknown strategy 'bogus'", ["run", "BURGER", "--strategy", "bogus"] },
        { "unknown command 'fly'", ["fly"] },
        { "option --db: not a valid PostgreSQL connection string", ["run", "BURGER", "--db", "Host=db;Colour=blue"] },
        { "option --db: not a valid PostgreSQL URL", ["run", "BURGER", "--db", "postgresql://"] },
        { "bench needs a subcommand: build or compare", ["bench"] },
        { "unknown command 'bench fly'", ["bench", "fly"] },
        { "$.layers[0].options", ["run", "EMPTY_LAYER"] },
        { "malformed JSON at line 1", ["run", "SPEC:{\"name\": \"x\",, }"] },
        { "$.layers[0].optionz: unknown field 'optionz'", ["run", "BURGER_EDIT:\"options\":[{\"name\":\"plain\"|\"optionz\":[{\"name\":\"plain\""] },
        { "$.strategy: unknown strategy 'annealing'", ["run", "BURGER_EDIT:\"layernas\":|\"annealing\":"] },
        { "$.layers[0].options[0].cost", ["run", "BURGER_EDIT:\"cost\": 1}|\"cost\": -1}"] },
        { "$.target: no architecture costs between 30 and 40", ["run", "BURGER_EDIT:\"min\": 7, \"max\": 9|\"min\": 30, \"max\": 40"] },
        { "$.strategy.layernas.buckets", ["run", "BURGER_EDIT:\"buckets\": 4|\"buckets\": 0"] },
        { "$.cost.table: the table has no row for", ["run", "SHORT_TABLE"] },
        { "option --dashboard: a run serves its dashboard on this machine only", ["run", "BURGER", "--dashboard", "http://0.0.0.0:5080"] },
        { "option --dashboard: dashboard URL 'http://127.0.0.1' needs a port", ["run", "BURGER", "--dashboard", "http://127.0.0.1"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_exits_2_with_one_line_on_stderr_and_runs_nothing(string expected, string[] args)
    {
        using var folder = new TempFolder();
        var empty = folder.File("empty-layer.json");
        File.WriteAllText(empty, """{"name": "e", "layers": [{"name": "a", "options": []}], "cost": {"additive": {}}, "strategy": {"layernas": {}}, "trainer": {"synthetic": {}}}""");
        var resolved = args.Select(a => a switch
        {
            "BURGER" => Examples.Path("burger.json"),
            "EMPTY_LAYER" => empty,
            "SHORT_TABLE" => WriteShortTable(folder),
            _ when a.StartsWith("SPEC:", StringComparison.Ordinal) => Write(folder, a["SPEC:".Length..]),
            _ when a.StartsWith("BURGER_EDIT:", StringComparison.Ordinal) => WriteBurgerEdit(folder, a["BURGER_EDIT:".Length..]),
            _ => a,
        }).ToArray();

        var outcome = await Layernas.RunAsync(folder.Path, resolved);

        Layernas.AssertRefused(outcome, expected, folder.Path);
    }

    private static string Write(TempFolder folder, string text)
    {
        var path = folder.File("spec.json");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The burger example with one piece of its text replaced: "old|new".</summary>
    private static string WriteBurgerEdit(TempFolder folder, string edit)
    {
        var (old, replacement) = (edit[..edit.IndexOf('|')], edit[(edit.IndexOf('|') + 1)..]);
        var burger = File.ReadAllText(Examples.Path("burger.json")).Replace(" ", "").Replace("\n", "");
        var compactOld = old.Replace(" ", "");
        Assert.Contains(compactOld, burger);
        var first = burger.IndexOf(compactOld, StringComparison.Ordinal);
        return Write(folder, burger[..first] + replacement.Replace(" ", "") + burger[(first + compactOld.Length)..]);
    }

    /// <summary>The example table spec over a copy of its table that lacks one architecture's row.</summary>
    private static string WriteShortTable(TempFolder folder)
    {
        var rows = File.ReadAllLines(Examples.Path("tables/cnn4x4.csv"));
        File.WriteAllLines(folder.File("short.csv"), rows.Take(rows.Length - 1));
        return Write(folder, File.ReadAllText(Examples.Path("cnn-table.json")).Replace("tables/cnn4x4.csv", "short.csv"));
    }

    private static long CompletedSoFar(TestDatabase database, string searchId)
    {
        if (database.Storage.IsSqlite && !File.Exists(database.Argument))
        {
            return 0;
        }
        try
        {
            return JournalReader.Completed(database.Storage, searchId).Count;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            // The tables do not exist yet, or a write holds the file for a moment.
            return 0;
        }
    }

    private static string WriteSlowGrid(TempFolder folder)
    {
        var spec = new SearchSpec
        {
            Name = "slow-grid",
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = 8, Max = 16 },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = 6 } },
            Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = 3, Seconds = 0.05 } },
        };
        for (var layer = 0; layer < 4; layer++)
        {
            spec.Layers.Add(new Layer { Name = $"l{layer}", Options = { Enumerable.Range(1, 6).Select(c => new LayerOption { Name = $"o{c}", Cost = c }) } });
        }
        var path = folder.File("slow-grid.json");
        File.WriteAllText(path, Google.Protobuf.JsonFormatter.Default.Format(spec));
        return path;
    }
}
