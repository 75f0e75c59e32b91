using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Client;

[Collection(ProcessTests.Name)]
public sealed partial class ClusterSubmitTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private LocalCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task The_burger_submitted_to_a_coordinator_with_two_worker_nodes_answers_as_layernas_run_does()
    {
        using var folder = new TempFolder();
        var burger = Examples.Path("burger.json");

        var submitted = await Layernas.RunAsync(folder.Path, "submit", burger, "--server", Cluster.Api, "--watch", "--output", "cluster.json");
        var run = await Layernas.RunAsync(folder.Path, "run", burger, "--workers", "2", "--db", "run.db", "--output", "run.json");

        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        Assert.True(run.ExitCode == 0, run.Stderr);
        AssertSameAnswer(folder.File("run.json"), folder.File("cluster.json"));
        Assert.Contains($"submitted to {Cluster.Api}", submitted.Stdout);
        // The burger can finish before the watch subscribes, so only the timed search below is sure to show depth lines.
        Assert.Contains("best: bun=", submitted.Stdout);
    }

    [Fact]
    public async Task A_timed_synthetic_search_answers_as_layernas_run_does_and_both_worker_nodes_trained_part_of_it()
    {
        using var folder = new TempFolder();
        var spec = SyntheticSpecs.Write(folder.Path, "spread", seed: 7, seconds: 0.05);

        var submitted = await Layernas.RunAsync(folder.Path, "submit", spec, "--server", Cluster.Api, "--watch", "--output", "cluster.json");
        var run = await Layernas.RunAsync(folder.Path, "run", spec, "--workers", "2", "--db", "run.db", "--output", "run.json");
        var searchId = SearchIdIn(submitted.Stdout);
        var status = await Layernas.RunAsync(folder.Path, "status", searchId, "--server", Cluster.Api);
        var figures = await Api().GetAsync(new GetRequest { SearchId = searchId });

        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        Assert.True(run.ExitCode == 0, run.Stderr);
        AssertSameAnswer(folder.File("run.json"), folder.File("cluster.json"));
        Assert.Matches(@"depth \d/4: \d+/\d+ trials", submitted.Stdout);
        Assert.Equal(Cluster.Workers.Order(), figures.TrainedByNode.Keys.Order());
        Assert.All(figures.TrainedByNode.Values, trained => Assert.True(trained > 0));
        Assert.Equal(figures.Result.TrialsTrained, figures.TrainedByNode.Values.Sum());
        var trainedBy = Assert.Single(status.Stdout.Split('\n'), l => l.StartsWith("trained by: ", StringComparison.Ordinal));
        Assert.All(Cluster.Workers, worker => Assert.Contains(worker, trainedBy));
    }

    [Fact]
    public async Task Two_searches_submitted_together_both_finish_and_neither_starves()
    {
        using var folder = new TempFolder();
        var specs = new[] { SyntheticSpecs.Write(folder.Path, "fair-a", seed: 1, seconds: 0.1), SyntheticSpecs.Write(folder.Path, "fair-b", seed: 2, seconds: 0.1) };
        var api = Api();

        var accepted = await Task.WhenAll(specs.Select(async spec => await api.SubmitAsync(new SubmitRequest { Spec = SpecFile.Load(spec) })));
        var watches = await Task.WhenAll(accepted.Select(a => Layernas.RunAsync(folder.Path, "watch", a.SearchId, "--server", Cluster.Api, "--output", $"{a.SearchId}.json")));

        Assert.All(watches, watch => Assert.True(watch.ExitCode == 0, watch.Stderr));
        var ids = accepted.Select(a => a.SearchId).ToArray();
        var order = Journal.CompletionOrder(Cluster.Database, ids);
        var firstHalf = order.Take(order.Count / 2).ToList();
        foreach (var id in ids)
        {
            var share = firstHalf.Count(s => s == id) / (double)order.Count(s => s == id);
            Assert.True(share >= 0.25, $"search {id} had {share:P0} of its trials done in the first half of all completions: {string.Join(" ", order.Select(s => s == ids[0] ? 'a' : 'b'))}");
        }
        Assert.All(ids, id => Assert.Equal("finished", JsonDocument.Parse(File.ReadAllText(folder.File($"{id}.json"))).RootElement.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_cancelled_search_stops_training_and_its_watchers_and_result_show_the_best_so_far()
    {
        using var folder = new TempFolder();
        // Eight layers: the search must still run when the cancel command, a process of its own, starts on a busy machine.
        var spec = SyntheticSpecs.Write(folder.Path, "cancel-me", seed: 5, seconds: 0.2, layers: 8);
        var submitted = await Layernas.RunAsync(folder.Path, "submit", spec, "--server", Cluster.Api);
        var searchId = SearchIdIn(submitted.Stdout);
        using var watch = LayernasProcess.Start(folder.Path, null, "watch", searchId, "--server", Cluster.Api);
        var api = Api();
        await Wait.UntilAsync(() => api.Get(new GetRequest { SearchId = searchId }).Progress?.TrialsTrained >= 8, Layernas.Deadline, "8 trained trials");

        var cancel = await Layernas.RunAsync(folder.Path, "cancel", searchId, "--server", Cluster.Api, "--reason", "enough");
        var watched = await watch.ExitAsync(Layernas.Deadline);
        var result = await Layernas.RunAsync(folder.Path, "result", searchId, "--server", Cluster.Api, "--output", "cancelled.json");
        var again = await Layernas.RunAsync(folder.Path, "cancel", searchId, "--server", Cluster.Api);

        Assert.True(cancel.ExitCode == 0, cancel.Stderr);
        Assert.Contains($"search {searchId} cancelled", cancel.Stdout);
        Assert.Equal(0, watched);
        Assert.Contains("cancelled: the best found before the search was stopped", watch.Stdout);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("had already ended", again.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(folder.File("cancelled.json")));
        Assert.Equal("cancelled", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.TryGetProperty("best", out var best) && best.ValueKind == JsonValueKind.Object);
        // Results that arrive after the cancellation are dropped, so the journal holds exactly what the result counts.
        var trained = long.Parse(json.RootElement.GetProperty("trialsTrained").GetString()!);
        Assert.Equal(trained, JournalReader.Completed(Cluster.Database, searchId).Count);
        Assert.Equal("cancelled", api.Get(new GetRequest { SearchId = searchId }).State);
    }

    [Fact]
    public async Task A_spec_the_coordinator_cannot_search_is_refused_with_one_line_and_exit_code_2()
    {
        using var folder = new TempFolder();
        var spec = folder.File("no-table.json");
        File.WriteAllText(spec, File.ReadAllText(Examples.Path("cnn-table.json")).Replace("tables/cnn4x4.csv", "tables/missing.csv"));

        var refused = await Layernas.RunAsync(folder.Path, "submit", spec, "--server", Cluster.Api);
        var empty = await Assert.ThrowsAsync<RpcException>(async () => await Api().SubmitAsync(new SubmitRequest { Spec = new SearchSpec { Name = "empty" } }));

        Assert.Equal(2, refused.ExitCode);
        var line = Assert.Single(refused.StderrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains("missing.csv", line);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.StartsWith("$.layers", empty.Status.Detail);
        Assert.DoesNotContain('\n', empty.Status.Detail);
    }

    [Fact]
    public async Task An_oversized_request_gets_resource_exhausted_and_the_node_keeps_serving()
    {
        var api = Api();
        var huge = new SearchSpec { Name = new string('x', 5 * 1024 * 1024) };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await api.SubmitAsync(new SubmitRequest { Spec = huge }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await api.GetAsync(new GetRequest { SearchId = "s-000000000000" }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Unknown_searches_are_not_found_with_exit_code_2()
    {
        using var folder = new TempFolder();

        var status = await Layernas.RunAsync(folder.Path, "status", "s-000000000000", "--server", Cluster.Api);
        var cancel = await Layernas.RunAsync(folder.Path, "cancel", "s-000000000000", "--server", Cluster.Api);

        Assert.Equal((2, 2), (status.ExitCode, cancel.ExitCode));
        Assert.Equal("error: no search has the id s-000000000000", Assert.Single(status.StderrLines));
        Assert.Equal("error: no search has the id s-000000000000", Assert.Single(cancel.StderrLines));
    }

    [Fact]
    public async Task A_search_submitted_through_the_api_for_another_target_with_the_shared_trial_cache_reuses_what_an_ended_one_trained()
    {
        var api = Api();
        // A trainer seed no other test uses, so no other search of this cluster shares its trials.
        SearchSpec Burger(double max, string trialCache)
        {
            var spec = Core.Specs.SpecParser.Parse(File.ReadAllText(Examples.Path("burger.json")));
            spec.Name = "shared-burger";
            spec.Trainer.Synthetic.Seed = 4242;
            spec.Target = new Target { Max = max };
            spec.TrialCache = trialCache;
            return spec;
        }

        var first = await FinishAsync(api, Burger(6, "shared"));
        var reused = await FinishAsync(api, Burger(10, "shared"));
        var separate = await FinishAsync(api, Burger(10, "off"));
        var status = await api.GetAsync(new GetRequest { SearchId = reused.SearchId });

        Assert.Equal(0, first.TrialsReused);
        Assert.True(reused.TrialsReused > 0, $"nothing reused: {reused}");
        Assert.Equal(0, separate.TrialsReused);
        Assert.Equal(separate.TrialsTrained, reused.TrialsTrained + reused.TrialsReused);
        Assert.Equal(separate.Best, reused.Best);
        Assert.Equal(separate.ParetoFront, reused.ParetoFront);
        Assert.Equal(reused.TrialsReused, status.Result.TrialsReused);
    }

    private static async Task<SearchResult> FinishAsync(SearchService.SearchServiceClient api, SearchSpec spec)
    {
        var submitted = await api.SubmitAsync(new SubmitRequest { Spec = spec });
        using var call = api.Watch(new WatchRequest { SearchId = submitted.SearchId }, deadline: DateTime.UtcNow + Layernas.Deadline);
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            if (update.Result is { } result)
            {
                return result;
            }
        }
        throw new Xunit.Sdk.XunitException($"search {submitted.SearchId} ended without a result");
    }

    private SearchService.SearchServiceClient Api() => new(GrpcChannel.ForAddress(Cluster.Api));

    private static void AssertSameAnswer(string expectedPath, string actualPath)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        using var actual = JsonDocument.Parse(File.ReadAllText(actualPath));
        Assert.Equal(expected.RootElement.GetProperty("best").GetRawText(), actual.RootElement.GetProperty("best").GetRawText());
        Assert.Equal(expected.RootElement.GetProperty("paretoFront").GetRawText(), actual.RootElement.GetProperty("paretoFront").GetRawText());
    }

    private static string SearchIdIn(string stdout) => SearchId().Match(stdout) is { Success: true } match
        ? match.Value
        : throw new InvalidOperationException($"no search id in: {stdout}");

    [GeneratedRegex(@"s-[0-9a-f]{12}")]
    private static partial Regex SearchId();
}
