using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Client;

/// <summary>
/// What an API client may make a cluster read and run, tried through the gRPC API from outside against a coordinator
/// and a worker process whose operator trusts no client: each refusal is one line, quotes nothing it read, and leaves
/// nothing run.
/// </summary>
public sealed class TrustBoundaryTests(UntrustedClusterFixture fixture) : IClassFixture<UntrustedClusterFixture>
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public static TheoryData<string> ForbiddenTables => new()
    {
        "/etc/passwd", "/proc/self/environ", "/proc/self/cmdline", "/dev/zero", "/dev/urandom",
        "escape.csv", "environ.csv", "pipe.csv", "../cnn4x4.csv", Examples.Path("tables/cnn4x4.csv"),
    };

    [Theory]
    [MemberData(nameof(ForbiddenTables))]
    public async Task A_table_outside_the_data_root_or_not_a_regular_file_is_refused_without_quoting_it_and_the_node_keeps_serving(string path)
    {
        var api = Api();
        var started = Stopwatch.StartNew();

        var asCost = await RefusedAsync(api, TableSpec(cost: path, tabular: "cnn4x4.csv"));
        var asTrainer = await RefusedAsync(api, TableSpec(cost: "cnn4x4.csv", tabular: path));
        var listed = await api.ListAsync(new ListRequest(), deadline: DateTime.UtcNow + CallDeadline);

        foreach (var refusal in new[] { asCost, asTrainer })
        {
            Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
            Assert.Contains($"table {path}: ", refusal.Status.Detail);
            AssertLeaksNothing(refusal.Status.Detail);
        }
        Assert.DoesNotContain(listed.Searches, s => s.Name == "tables");
        // A FIFO or /dev/zero read would block or fill memory: both answers come at once.
        Assert.True(started.Elapsed < CallDeadline, $"refusing took {started.Elapsed}");
    }

    [Theory]
    [InlineData("twice.csv", "line 3 repeats the key of line 2")]
    [InlineData("infinite.csv", "line 2, column 3: not a finite number")]
    public async Task A_table_with_a_repeated_key_or_a_non_finite_value_is_refused_naming_the_line(string table, string problem)
    {
        var refusal = await RefusedAsync(Api(), TableSpec(cost: table, tabular: "cnn4x4.csv"));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Contains(problem, refusal.Status.Detail);
        Assert.DoesNotContain("8:8", refusal.Status.Detail);
    }

    [Fact]
    public async Task A_table_inside_the_data_root_named_relative_to_it_is_searched()
    {
        var api = Api();

        var submitted = await api.SubmitAsync(new SubmitRequest { Spec = TableSpec(cost: "cnn4x4.csv", tabular: "cnn4x4.csv") });
        var result = await ResultAsync(api, submitted.SearchId);

        Assert.Equal("finished", result.Status);
        Assert.True(result.TrialsTrained > 0);
    }

    [Fact]
    public async Task A_command_a_spec_gives_is_refused_and_never_run()
    {
        var marker = fixture.Cluster.Folder.File("command-ran");
        var spec = ProcessSpec("command", new ProcessTrainer { Command = { "/bin/sh", "-c", $"touch {marker}" } });

        var refusal = await RefusedAsync(Api(), spec);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.StartsWith("$.trainer.process: this cluster runs only trainers its operator registered", refusal.Status.Detail);
        Assert.Contains("--trust-clients", refusal.Status.Detail);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_trainer_name_the_workers_did_not_register_fails_its_trials_and_the_spec_command_beside_it_never_runs()
    {
        var marker = fixture.Cluster.Folder.File("unregistered-ran");
        var api = Api();
        var spec = ProcessSpec("unregistered", new ProcessTrainer { Name = "not-registered", Command = { "/bin/sh", "-c", $"touch {marker}" } });

        var submitted = await api.SubmitAsync(new SubmitRequest { Spec = spec });
        var result = await ResultAsync(api, submitted.SearchId);

        Assert.Equal(0, result.TrialsTrained);
        Assert.NotEmpty(result.FailedTrials);
        Assert.All(result.FailedTrials, f => Assert.Equal($"trainer could not start: this worker has no trainer named 'not-registered' (it has {UntrustedClusterFixture.TrainerName})", f.Reason));
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task Each_slot_runs_the_registered_trainer_with_its_slot_and_gpu_whatever_the_spec_asks_and_a_non_finite_reward_fails_its_trial()
    {
        var marker = fixture.Cluster.Folder.File("registered-ran-the-spec-command");
        var api = Api();
        var trainer = new ProcessTrainer
        {
            Name = UntrustedClusterFixture.TrainerName,
            Command = { "/bin/sh", "-c", $"touch {marker}" },
            Env = { ["CUDA_VISIBLE_DEVICES"] = "666", ["LAYERNAS_SLOT"] = "666" },
        };
        var spec = ProcessSpec("registered", trainer, ["ok", "nan"], ["o1", "o2", "o3", "o4", "o5", "o6"]);

        var submitted = await api.SubmitAsync(new SubmitRequest { Spec = spec });
        var result = await ResultAsync(api, submitted.SearchId);

        Assert.Equal("finished", result.Status);
        Assert.True(result.TrialsTrained >= 2, $"{result.TrialsTrained} trained; failed: {string.Join("; ", result.FailedTrials.Select(f => f.Reason))}");
        Assert.NotEmpty(result.FailedTrials);
        Assert.All(result.FailedTrials, f =>
        {
            Assert.Equal("nan", f.Architecture[0]);
            Assert.EndsWith("reported a non-finite reward (NaN)", f.Reason);
        });
        Assert.All(result.ParetoFront.Append(result.Best), c => Assert.Equal(c.Metrics["gpu"], c.Metrics["slot"] == 0 ? 7 : 9));
        await Wait.UntilAsync(() => File.Exists(SlotFile(0)) && File.Exists(SlotFile(1)), CallDeadline, "both slots' trainers");
        Assert.Equal("0 7", File.ReadAllText(SlotFile(0)).Trim());
        Assert.Equal("1 9", File.ReadAllText(SlotFile(1)).Trim());
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData(1, 9_000)]
    [InlineData(3_000, 2)]
    public async Task A_spec_too_big_for_a_default_message_between_nodes_is_searched_beside_another_that_does_not_starve(int layers, int options)
    {
        var api = Api();
        var big = new SearchSpec
        {
            Name = $"big-{layers}x{options}",
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = 0 },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = 4 }, MaxTrials = 30 },
            Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = 3 } },
        };
        big.Layers.Add(Enumerable.Range(0, layers).Select(l => new Layer
        {
            Name = $"layer-{l:D5}",
            Options = { Enumerable.Range(0, options).Select(o => new LayerOption { Name = $"option-{o:D5}", Cost = o + 1 }) },
        }));
        Assert.True(big.CalculateSize() > 128_000, $"the spec is only {big.CalculateSize()} bytes");

        var searches = new[]
        {
            await api.SubmitAsync(new SubmitRequest { Spec = big }),
            await api.SubmitAsync(new SubmitRequest { Spec = BurgerSpec(), SearchId = $"beside-{layers}x{options}" }),
        };
        var results = new List<SearchResult>();
        foreach (var search in searches)
        {
            results.Add(await ResultAsync(api, search.SearchId));
        }

        Assert.All(results, r => Assert.Equal("finished", r.Status));
        Assert.InRange(results[0].TrialsTrained, 1, 30);
        Assert.DoesNotContain("OversizedPayload", fixture.Cluster.Coordinator.Stderr + string.Join('\n', fixture.Cluster.WorkerNodes.Select(w => w.Stderr)));
    }

    [Theory]
    [InlineData("burger\u001b[2J", "$.name: contains the control character U+001B")]
    [InlineData("two\nlines", "$.name: contains the control character U+000A")]
    public async Task A_name_with_control_characters_is_refused(string name, string problem)
    {
        var spec = BurgerSpec();
        spec.Name = name;

        var refusal = await RefusedAsync(Api(), spec);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.StartsWith(problem, refusal.Status.Detail);
    }

    [Fact]
    public async Task A_synthetic_trainer_whose_every_trial_outlasts_its_timeout_is_refused()
    {
        var spec = BurgerSpec();
        spec.Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seconds = 1e9 } };

        var refusal = await RefusedAsync(Api(), spec);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.StartsWith("$.trainer.synthetic: every trial would take at least ", refusal.Status.Detail);
        Assert.Contains("which reaches the trainer's timeout of 3600 s", refusal.Status.Detail);
    }

    [Fact]
    public async Task A_known_search_id_with_another_spec_is_refused_and_the_same_spec_finds_its_search()
    {
        var api = Api();
        var first = BurgerSpec();
        first.Name = "id-owner";
        var other = first.Clone();
        other.Strategy.Seed = 99;

        var owner = await api.SubmitAsync(new SubmitRequest { Spec = first, SearchId = "owned-id" });
        var again = await api.SubmitAsync(new SubmitRequest { Spec = first, SearchId = "owned-id" });
        var refusal = await RefusedAsync(api, other, "owned-id");
        var status = await api.GetAsync(new GetRequest { SearchId = "owned-id" });

        Assert.False(owner.Existing);
        Assert.True(again.Existing);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal("search owned-id already exists with another spec; submit this one under another id, or without an id to name it after its spec", refusal.Status.Detail);
        Assert.Equal("id-owner", status.Name);
    }

    [Theory]
    [InlineData("/proc/self/environ")]
    [InlineData("/dev/zero")]
    public async Task Layernas_run_trusts_its_user_with_any_path_and_still_reads_only_regular_files_without_quoting_them(string path)
    {
        using var folder = new TempFolder();
        var spec = folder.File("spec.json");
        File.WriteAllText(spec, File.ReadAllText(Examples.Path("cnn-table.json"))
            .Replace("\"tables/cnn4x4.csv\", \"key\": \"arch\", \"column\"", $"\"{path}\", \"key\": \"arch\", \"column\"")
            .Replace("\"tables/cnn4x4.csv\"", $"\"{Examples.Path("tables/cnn4x4.csv")}\""));

        using var run = LayernasProcess.Start(folder.Path, new Dictionary<string, string> { ["TRUST_TEST_SECRET"] = UntrustedClusterFixture.Secret }, "run", spec);
        var exit = await run.ExitAsync(Layernas.Deadline);

        Assert.Equal(2, exit);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.EndsWith($"table {path}: empty, or not a regular file (a device, a pipe or a /proc file)", line);
        AssertLeaksNothing(line);
        Assert.Empty(run.Stdout);
    }

    private static void AssertLeaksNothing(string message)
    {
        Assert.DoesNotContain(UntrustedClusterFixture.Secret, message);
        Assert.DoesNotContain("root:", message);
        Assert.DoesNotContain("TRUST_TEST_SECRET", message);
        Assert.DoesNotContain("layernas.dll", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\n", message);
        Assert.DoesNotContain("   at ", message);
    }

    private string SlotFile(int slot) => Path.Combine(fixture.NodeFolder, $"slot-{slot}.env");

    private SearchService.SearchServiceClient Api() => new(GrpcChannel.ForAddress(fixture.Cluster.Api));

    private static async Task<RpcException> RefusedAsync(SearchService.SearchServiceClient api, SearchSpec spec, string searchId = "") =>
        await Assert.ThrowsAsync<RpcException>(async () => await api.SubmitAsync(new SubmitRequest { Spec = spec, SearchId = searchId }, deadline: DateTime.UtcNow + CallDeadline));

    private static async Task<SearchResult> ResultAsync(SearchService.SearchServiceClient api, string searchId)
    {
        SearchResult? result = null;
        await Wait.UntilAsync(
            async () => (result = (await api.GetAsync(new GetRequest { SearchId = searchId })).Result) is not null,
            Layernas.Deadline,
            $"search {searchId} to end");
        return result!;
    }

    private static SearchSpec TableSpec(string cost, string tabular)
    {
        var spec = SpecFile.Load(Examples.Path("cnn-table.json"));
        spec.Name = "tables";
        spec.Cost.Table.Path = cost;
        spec.Trainer.Tabular.Path = tabular;
        return spec;
    }

    private static SearchSpec BurgerSpec() => SpecFile.Load(Examples.Path("burger.json"));

    // Layer "behaviour" tells the fault trainer what to do; with two options, the first depth gives each slot one trial.
    private static SearchSpec ProcessSpec(string name, ProcessTrainer trainer, string[]? behaviours = null, string[]? widths = null)
    {
        var spec = new SearchSpec
        {
            Name = name,
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = 0 },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = 4 } },
            Trainer = new Trainer { Process = trainer, TimeoutSeconds = 60, MaxRetries = 0 },
        };
        spec.Layers.Add(new Layer { Name = "behaviour", Options = { (behaviours ?? ["ok", "ok-too"]).Select((b, i) => new LayerOption { Name = b, Cost = i + 1 }) } });
        spec.Layers.Add(new Layer { Name = "width", Options = { (widths ?? ["o1"]).Select((o, i) => new LayerOption { Name = o, Cost = i + 1 }) } });
        return spec;
    }
}
