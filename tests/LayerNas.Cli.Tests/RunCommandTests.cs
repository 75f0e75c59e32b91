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
    public async Task The_burger_gives_the_same_whole_result_on_1_8_and_4096_workers_the_search_the_readme_walks_through()
    {
        using var folder = new TempFolder();
        var burger = Examples.Path("burger.json");

        var runs = new List<Layernas.Outcome>();
        foreach (var workers in new[] { "1", "8", "4096" })
        {
            runs.Add(await Layernas.RunAsync(folder.Path, "run", burger, "--workers", workers, "--db", $"{workers}.db", "--output", $"{workers}.json"));
        }

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Stderr));
        Assert.StartsWith("search s-d2470b97b648 (gburger) starts with 4096 workers", runs[2].Stdout);
        var one = File.ReadAllText(folder.File("1.json"));
        Assert.Equal(one, File.ReadAllText(folder.File("8.json")));
        Assert.Equal(one, File.ReadAllText(folder.File("4096.json")));
        AssertBurgerWalkThrough(SearchResult.Parser.ParseJson(one));
    }

    [Fact]
    public async Task The_readmes_first_command_run_through_dotnet_run_where_a_newcomer_types_it_searches_the_burger()
    {
        // The newcomer's folder: the spec at the path the README names, and the SDK the repository pins. The project is
        // named by its full path, so the run cannot fall back on the repository as its working folder.
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("examples"));
        File.Copy(Examples.Path("burger.json"), folder.File(Path.Combine("examples", "burger.json")));
        File.Copy(Repository.File("global.json"), folder.File("global.json"));
        var project = Path.GetDirectoryName(Repository.File(Path.Combine("src", "LayerNas.Cli", "LayerNas.Cli.csproj")))!;

        // As typed, without --no-build: the command builds what is not built yet, and building is part of what it must survive.
        var run = await ExternalCommand.RunAsync(
            "dotnet", ["run", "--project", project, "--", "run", "examples/burger.json", "--output", "result.json"],
            TimeSpan.FromMinutes(10), "the .NET SDK (https://dot.net)", folder.Path, unset: ["LAYERNAS_", "MSBuild", "DOTNET_HOST_PATH"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("result written to result.json", run.Stdout);
        Assert.True(File.Exists(folder.File("result.json")), $"no result.json where the command was typed: {run.Output}");
        Assert.False(File.Exists(Path.Combine(project, "result.json")), "the command wrote its result into the project folder");
        AssertBurgerWalkThrough(SearchResult.Parser.ParseJson(File.ReadAllText(folder.File("result.json"))));
    }

    /// <summary>The burger's search as README.md walks through it: what each depth generated, pruned, evaluated and kept, the cache, the front and the answer.</summary>
    private static void AssertBurgerWalkThrough(SearchResult result)
    {
        Assert.Equal((20L, 0L, 8L), (result.TrialsTrained, result.TrialsFailed, result.TrialsCached));
        Assert.Equal(
            ["1: 4 children, 0 pruned, 4 evaluated, 0 failed, 4 kept", "2: 16 children, 1 pruned, 15 evaluated, 0 failed, 4 kept", "3: 16 children, 7 pruned, 9 evaluated, 0 failed, 3 kept"],
            result.Depths.Select(d => $"{d.Depth}: {d.Children} children, {d.Pruned} pruned, {d.Evaluated} evaluated, {d.Failed} failed, {d.Kept} kept"));
        // The front is cheapest first, and a dearer model is on it only for a better reward.
        Assert.Equal(
            ["sesame bean truffle $7: 0.705413", "brioche chicken truffle $9: 0.764101"],
            result.ParetoFront.Select(c => $"{string.Join(' ', c.Architecture)} ${c.Cost}: {c.Reward:0.######}"));
        Assert.Equal(["brioche", "chicken", "truffle"], result.Best.Architecture);
        Assert.Equal(result.ParetoFront[^1], result.Best);
    }

    [Fact]
    public async Task A_search_whose_trials_take_jittered_times_gives_the_same_whole_result_on_one_and_eight_workers()
    {
        using var folder = new TempFolder();
        // Trial times differ by cost and by up to ±90% per architecture, so eight workers report in another order than one.
        var spec = SyntheticSpecs.Write(folder.Path, "jittered", seed: 21, seconds: 0.01, secondsPerCost: 0.003, jitter: 0.9);

        // The one-worker run serves its dashboard too, which must not change what it answers.
        var one = await Layernas.RunAsync(folder.Path, "run", spec, "--workers", "1", "--db", "one.db", "--output", "one.json", "--dashboard", "http://127.0.0.1:0");
        var eight = await Layernas.RunAsync(folder.Path, "run", spec, "--workers", "8", "--db", "eight.db", "--output", "eight.json");

        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.True(eight.ExitCode == 0, eight.Stderr);
        Assert.Equal(File.ReadAllText(folder.File("one.json")), File.ReadAllText(folder.File("eight.json")));
        var searchId = SearchIds.Of(SpecFile.Load(spec));
        var arrivals = new[] { "one.db", "eight.db" }.Select(db => JournalReader.Completed(folder.File(db), searchId).Select(c => c.TrialNumber).ToList()).ToList();
        Assert.Equal(arrivals[0].Order(), arrivals[1].Order());
        Assert.NotEqual(arrivals[0], arrivals[1]);
        var result = SearchResult.Parser.ParseJson(File.ReadAllText(folder.File("one.json")));
        Assert.Equal(arrivals[0].Count, result.TrialsTrained);
        Assert.Equal(4, result.Depths.Count);
        Assert.NotEmpty(result.ParetoFront);
        Assert.Matches(@"dashboard at http://127\.0\.0\.1:\d+/searches/s-[0-9a-f]{12}", one.Stdout);
    }

    [Fact]
    public async Task The_readme_transcript_of_the_burger_is_what_layernas_run_prints()
    {
        using var folder = new TempFolder();
        var readme = File.ReadAllText(Repository.File("README.md"));
        var start = readme.IndexOf("On the burger it prints:\n\n```\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md no longer shows the burger's transcript");
        var block = readme[(start + "On the burger it prints:\n\n```\n".Length)..];
        var transcript = block[..block.IndexOf("```", StringComparison.Ordinal)];

        var run = await Layernas.RunAsync(folder.Path, "run", Examples.Path("burger.json"), "--output", "result.json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(transcript, run.Stdout);
    }

    [Fact]
    public async Task Run_again_for_another_target_with_the_shared_trial_cache_trains_only_what_the_first_run_did_not_and_answers_as_a_separate_run()
    {
        using var folder = new TempFolder();
        var max6 = WriteBurgerEdit(folder, "\"target\": {\"min\": 7, \"max\": 9}|\"target\":{\"max\":6},\"trialCache\":\"shared\"");
        File.Move(max6, folder.File("max6.json"));
        var max10 = WriteBurgerEdit(folder, "\"target\": {\"min\": 7, \"max\": 9}|\"target\":{\"max\":10},\"trialCache\":\"shared\"");

        var first = await Layernas.RunAsync(folder.Path, "run", folder.File("max6.json"), "--db", "shared.db", "--output", "max6.json.out");
        var second = await Layernas.RunAsync(folder.Path, "run", max10, "--db", "shared.db", "--output", "reused.json");
        var separate = await Layernas.RunAsync(folder.Path, "run", max10, "--db", "separate.db", "--output", "separate.json");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0 && separate.ExitCode == 0, first.Stderr + second.Stderr + separate.Stderr);
        using var reused = JsonDocument.Parse(File.ReadAllText(folder.File("reused.json")));
        using var alone = JsonDocument.Parse(File.ReadAllText(folder.File("separate.json")));
        foreach (var part in new[] { "best", "paretoFront", "depths" })
        {
            Assert.Equal(alone.RootElement.GetProperty(part).GetRawText(), reused.RootElement.GetProperty(part).GetRawText());
        }
        long Count(JsonDocument result, string name) => long.Parse(result.RootElement.GetProperty(name).GetString()!);
        Assert.True(Count(reused, "trialsReused") > 0);
        Assert.Equal(Count(alone, "trialsTrained"), Count(reused, "trialsTrained") + Count(reused, "trialsReused"));
        Assert.Contains($"trials: {Count(reused, "trialsTrained")} trained, 0 failed, {Count(reused, "trialsCached")} cached ({Count(reused, "trialsReused")} reused from other searches)", second.Stdout);
        Assert.DoesNotContain("reused", first.Stdout);
    }

    [Fact]
    public async Task The_burger_with_three_targets_answers_each_on_any_number_of_workers_and_says_what_one_search_saved()
    {
        using var folder = new TempFolder();
        var burger = Examples.Path("burger-targets.json");

        var one = await Layernas.RunAsync(folder.Path, "run", burger, "--workers", "1", "--db", "one.db", "--output", "one.json");
        var four = await Layernas.RunAsync(folder.Path, "run", burger, "--workers", "4", "--db", "four.db", "--output", "four.json");

        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.True(four.ExitCode == 0, four.Stderr);
        using var first = JsonDocument.Parse(File.ReadAllText(folder.File("one.json")));
        using var second = JsonDocument.Parse(File.ReadAllText(folder.File("four.json")));
        var targets = first.RootElement.GetProperty("targets");
        Assert.Equal(targets.GetRawText(), second.RootElement.GetProperty("targets").GetRawText());
        Assert.Equal(3, targets.GetArrayLength());
        Assert.InRange(targets[0].GetProperty("best").GetProperty("cost").GetDouble(), 0, 6);
        Assert.InRange(targets[1].GetProperty("best").GetProperty("cost").GetDouble(), 0, 8);
        Assert.InRange(targets[2].GetProperty("best").GetProperty("cost").GetDouble(), 0, 10);
        var apart = targets.EnumerateArray().Sum(t => long.Parse(t.GetProperty("trials").GetString()!));
        var together = long.Parse(first.RootElement.GetProperty("trialsTrained").GetString()!) + long.Parse(first.RootElement.GetProperty("trialsFailed").GetString()!);
        Assert.True(together < apart, $"{together} trials together, {apart} apart");
        Assert.Contains("target cost 0 to 8: bun=", one.Stdout);
        Assert.Contains($"targets: {together} trials for 3 targets, {apart} in separate searches ({apart - together} saved)", one.Stdout);
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
        var spec = CountingTrainer.Write(folder.Path, "slow-grid", seconds: 0.05);
        var searchId = SearchIds.Of(SpecOverrides.Apply(SpecFile.Load(spec), null, null, null));
        await using var referenceDb = await TestDatabase.CreateAsync(storage, folder, "reference");
        var reference = await Layernas.RunAsync(folder.Path, "run", spec, "--workers", "2", "--db", referenceDb.Argument, "--output", "reference.json");
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        CountingTrainer.StartAfresh(spec);

        await using var database = await TestDatabase.CreateAsync(storage, folder, "crash");
        int killed;
        using (var doomed = Layernas.Start(folder.Path, "run", spec, "--workers", "2", "--db", database.Argument, "--output", "crash.json"))
        {
            killed = doomed.Id;
            await Wait.UntilAsync(() => CompletedSoFar(database, searchId) >= 15, Layernas.Deadline, "15 completed trials");
            // SIGKILL to the run process alone, as a crash would end it: its trainers see their input close and end.
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
        var trainings = CountingTrainer.Read(spec);
        var recorded = before.OfType<TrialCompleted>().Select(c => c.TrialNumber).ToHashSet();
        Cluster.NodeCrashTests.AssertNeverTrainedAgain(recorded, trainings);
        // Trained twice, as documented: only a result the killed run had trained and not yet recorded.
        Assert.All(Cluster.NodeCrashTests.TrainedTwice(trainings), done =>
        {
            Assert.Equal(killed, done[0].Node);
            Assert.DoesNotContain(done[0].Trial, recorded);
        });
    }

    [Fact]
    public async Task A_second_run_on_the_database_a_run_is_using_is_refused_at_start_with_one_line_and_the_first_finishes_alone()
    {
        using var folder = new TempFolder();
        var spec = SyntheticSpecs.Write(folder.Path, "busy", seed: 5, seconds: 0.1);
        var searchId = SearchIds.Of(SpecFile.Load(spec));
        using var first = Layernas.Start(folder.Path, "run", spec, "--db", "shared.db", "--output", "first.json");
        var firstOutput = first.StandardOutput.ReadToEndAsync();
        await Wait.UntilAsync(() => CompletedSoFar(TestDatabase.Sqlite(folder.File("shared.db")), searchId) >= 1, Layernas.Deadline, "the first run to record a trial");

        var second = await Layernas.RunAsync(folder.Path, "run", spec, "--db", "shared.db", "--output", "second.json");
        await first.WaitForExitAsync();

        Assert.Equal(2, second.ExitCode);
        Assert.Equal($"error: cannot use {folder.File("shared.db")}: another layernas process is using it (it holds {folder.File("shared.db")}.lock)", Assert.Single(second.StderrLines));
        Assert.Equal("", second.Stdout);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("result written to first.json", await firstOutput);
        Assert.False(File.Exists(folder.File("second.json")));
        var completed = JournalReader.Completed(folder.File("shared.db"), searchId);
        Assert.Equal(completed.Count, completed.Select(c => c.TrialNumber).Distinct().Count());
    }

    public static TheoryData<string, string> UnusableDatabases => new()
    {
        { "FOLDER", "it is a folder, not a SQLite file" },
        { "TEXT", "the file is not a SQLite database" },
        { "/dev/null", "it is empty or not a regular file (a device, a pipe)" },
        // Nobody may create files in /sys, not even root: a folder this process cannot write.
        { "/sys/layernas.db", "this process may not write in /sys" },
    };

    [Theory]
    [MemberData(nameof(UnusableDatabases))]
    public async Task A_database_path_that_cannot_hold_a_journal_exits_2_with_one_line_and_is_left_as_it_was(string database, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("notes.txt"), "not a database\n");
        var path = database switch
        {
            "FOLDER" => folder.Path,
            "TEXT" => folder.File("notes.txt"),
            _ => database,
        };

        var outcome = await Layernas.RunAsync(folder.Path, "run", Examples.Path("burger.json"), "--db", path);

        Layernas.AssertRefused(outcome, expected, folder.Path);
        Assert.StartsWith($"error: cannot use {path}: ", outcome.Stderr);
        Assert.Equal("not a database\n", File.ReadAllText(folder.File("notes.txt")));
        Assert.All(new[] { ".lock", "-journal", "-wal" }, suffix => Assert.False(File.Exists(path + suffix), $"{path}{suffix} was made"));
    }

    [Fact]
    public async Task An_unreachable_postgresql_exits_2_with_one_line_naming_it()
    {
        using var folder = new TempFolder();

        var outcome = await Layernas.RunAsync(folder.Path, "run", Examples.Path("burger.json"), "--db", "Host=127.0.0.1;Port=1;Username=u;Password=secret;Database=nas;Timeout=3");

        Assert.Equal(2, outcome.ExitCode);
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
}
