using System.Diagnostics;
using Grpc.Net.Client;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Cluster;

/// <summary>
/// A coordinator and two worker processes on 127.0.0.1 losing a process mid-search to SIGKILL (or stopped with
/// SIGTERM): the search finishes with the answer <c>layernas run</c> gives, and the counting trainer's own log shows
/// that no trial whose result was recorded is trained again, and what else is (docs/cluster.md, "Cluster").
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class NodeCrashTests
{
    /// <summary>Short enough for a test: a crashed node is downed about two seconds after it is found unreachable.</summary>
    private static readonly Dictionary<string, string> FastDowning = new() { ["LAYERNAS_STABLE_AFTER"] = "2" };

    private static readonly TimeSpan Deadline = ClusterSearch.Deadline;

    [Fact]
    public async Task A_worker_killed_while_it_holds_trials_costs_each_one_attempt_and_the_search_answers_as_layernas_run()
    {
        using var folder = new TempFolder();
        // One retry: a crash that cost a trial more than one attempt would fail it for good.
        var spec = CountingTrainer.Write(folder.Path, "kill-worker", seconds: 0.3, maxRetries: 1);
        var reference = await ReferenceAsync(folder, spec);
        await using var cluster = await LocalCluster.StartAsync(workers: 2, environment: FastDowning, workerArgs: CountingTrainer.WorkerArgs(spec));
        var storage = StorageSettings.SqliteFile(cluster.Database);
        var searchId = await SubmitAsync(cluster, spec);
        await Wait.UntilAsync(() => CompletedBy(storage, searchId, cluster.Workers[0]) >= 3, Deadline, "three trials trained by the first worker");

        var recorded = Completed(storage, searchId).Select(c => c.TrialNumber).ToHashSet();
        var killed = cluster.WorkerNodes[0].Id;
        await cluster.WorkerNodes[0].KillAsync();
        var killedAt = Completed(storage, searchId).Count;

        var result = await ResultAsync(cluster, folder, searchId, "cluster.json");
        Assert.Equal(reference, result);
        Assert.Contains("is gone while holding", cluster.Coordinator.Stderr);
        var events = Events(storage, searchId);
        Assert.DoesNotContain(events, e => e is TrialFailed);
        Assert.All(events.OfType<TrialCompleted>(), c => Assert.InRange(c.Attempts, 1, 2));
        var completed = Completed(storage, searchId);
        ClusterSearch.AssertOneCompletionPerTrial(completed);
        // Only results already on their way from the killed worker's two slots may land after the kill.
        Assert.InRange(completed.Skip(killedAt).Count(c => c.Worker.StartsWith(cluster.Workers[0], StringComparison.Ordinal)), 0, 2);
        var trainings = CountingTrainer.Read(spec);
        AssertNeverTrainedAgain(recorded, trainings);
        // Trained twice: only what the killed node had trained and not yet reported (its two slots' last trials).
        var twice = TrainedTwice(trainings);
        Assert.InRange(twice.Count, 0, 2);
        Assert.All(twice, done => Assert.Equal(killed, done[0].Node));
        Assert.All(twice, done => Assert.DoesNotContain(completed, c => c.TrialNumber == done[0].Trial && c.Worker.StartsWith(cluster.Workers[0], StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_worker_stopped_with_sigterm_hands_its_trials_back_at_once_instead_of_waiting_for_its_leases_to_expire()
    {
        using var folder = new TempFolder();
        // Each trial takes a second and may take two minutes: an expired lease would hold the search up for minutes.
        var spec = SyntheticSpecs.Write(folder.Path, "stop-worker", seed: 12, seconds: 1, layers: 3);
        SetTimeout(spec, 120);
        var reference = await ClusterSearch.ReferenceAsync(folder, spec);
        await using var cluster = await LocalCluster.StartAsync(workers: 2, environment: FastDowning);
        var storage = StorageSettings.SqliteFile(cluster.Database);
        var searchId = await SubmitAsync(cluster, spec);
        await Wait.UntilAsync(() => CompletedBy(storage, searchId, cluster.Workers[0]) >= 2, Deadline, "two trials trained by the first worker");

        var clock = Stopwatch.StartNew();
        cluster.WorkerNodes[0].Terminate();
        Assert.Equal(0, await cluster.WorkerNodes[0].ExitAsync(Deadline));
        var result = await ResultAsync(cluster, folder, searchId, "cluster.json");
        clock.Stop();

        Assert.Equal(reference, result);
        Assert.Contains("node stopping: handing back leases and leaving the cluster", cluster.WorkerNodes[0].Stdout);
        Assert.Matches(@"handed back [12] trial\(s\); they are queued again at once", cluster.Coordinator.Stderr);
        // An expired lease would have held the search up for at least the trial timeout plus the lease grace: 150 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(100), $"the search took {clock.Elapsed} after SIGTERM: the trials waited for their leases to expire");
        ClusterSearch.AssertOneCompletionPerTrial(Completed(storage, searchId));
        Assert.DoesNotContain(Events(storage, searchId), e => e is TrialFailed);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_coordinator_killed_midway_and_started_again_on_its_database_resumes_the_search_without_training_a_recorded_trial_again(string kind)
    {
        using var folder = new TempFolder();
        var spec = CountingTrainer.Write(folder.Path, "kill-coordinator", seconds: 0.15);
        var reference = await ReferenceAsync(folder, spec);
        await using var database = await TestDatabase.CreateAsync(kind, folder, "coordinator");
        await using var cluster = await LocalCluster.StartAsync(workers: 2, ["--api", "http://127.0.0.1:0", "--db", database.Argument], FastDowning, CountingTrainer.WorkerArgs(spec));
        var searchId = await SubmitAsync(cluster, spec);
        await Wait.UntilAsync(() => Completed(database.Storage, searchId).Count >= 15, Deadline, "15 completed trials");

        await cluster.Coordinator.KillAsync();
        var before = Completed(database.Storage, searchId);
        await cluster.RestartCoordinatorAsync();

        var result = await ResultAsync(cluster, folder, searchId, "cluster.json");
        Assert.Equal(reference, result);
        var after = Completed(database.Storage, searchId);
        ClusterSearch.AssertOneCompletionPerTrial(after);
        Assert.Equal(long.Parse(ClusterSearch.Json(result, "trialsTrained")), after.Count);
        Assert.True(after.Count > before.Count, "the restarted coordinator completed no trial");
        Assert.Equal(before.Select(c => c.TrialNumber), after.Take(before.Count).Select(c => c.TrialNumber));
        await AssertEachWorkerBackAsync(cluster, "node downed by its cluster: leaving");
        Assert.Contains("recovered", cluster.Coordinator.Stderr);

        var trainings = CountingTrainer.Read(spec);
        AssertNeverTrainedAgain(before.Select(c => c.TrialNumber).ToHashSet(), trainings);
        // What the workers trained while the coordinator was down reached the new one from their nodes' next start:
        // completions recorded after the crash that name a worker as it was before its node started again.
        Assert.Contains(after.Skip(before.Count), c => cluster.Workers.Any(w => c.Worker.StartsWith(w, StringComparison.Ordinal)));
        // Trained twice, the documented exception: a trial another node was leased before the node holding its
        // result had rejoined, never twice on one node.
        Assert.All(TrainedTwice(trainings), done => Assert.NotEqual(done[0].Node, done[1].Node));
    }

    [Fact]
    public async Task A_coordinator_stopped_gracefully_and_started_again_gets_its_workers_back_and_finishes_the_search()
    {
        using var folder = new TempFolder();
        var spec = SyntheticSpecs.Write(folder.Path, "stop-coordinator", seed: 14, seconds: 0.15);
        var reference = await ClusterSearch.ReferenceAsync(folder, spec);
        await using var cluster = await LocalCluster.StartAsync(workers: 2, environment: FastDowning);
        var storage = StorageSettings.SqliteFile(cluster.Database);
        var searchId = await SubmitAsync(cluster, spec);
        await Wait.UntilAsync(() => Completed(storage, searchId).Count >= 15, Deadline, "15 completed trials");

        cluster.Coordinator.Terminate();
        Assert.Equal(0, await cluster.Coordinator.ExitAsync(Deadline));
        var before = Completed(storage, searchId);
        await cluster.RestartCoordinatorAsync();

        var result = await ResultAsync(cluster, folder, searchId, "cluster.json");
        Assert.Equal(reference, result);
        var after = Completed(storage, searchId);
        ClusterSearch.AssertOneCompletionPerTrial(after);
        Assert.True(after.Count > before.Count, "the restarted coordinator completed no trial");
        await AssertEachWorkerBackAsync(cluster, "the last coordinator left the cluster: leaving");
    }

    /// <summary>
    /// Each worker node said why it left (<paramref name="why"/>), started again and is up in the restarted coordinator's
    /// cluster. The search may end before both are back (the first one back can finish it), so this waits for it.
    /// </summary>
    private static async Task AssertEachWorkerBackAsync(LocalCluster cluster, string why)
    {
        foreach (var worker in cluster.WorkerNodes)
        {
            await Wait.UntilAsync(() => worker.Stdout.Count(l => l.StartsWith("node up at ", StringComparison.Ordinal)) >= 2, Deadline, "the worker node up again");
            // Akka's own logger writes to standard output too while an actor system stops: only the node's lines count.
            var lines = worker.Stdout.Where(l => l.StartsWith("node ", StringComparison.Ordinal) || l == why);
            Assert.Equal(
                ["node up at", why, "node stopped", "node downed: no coordinator is reachable; starting again to rejoin the cluster", "node up at"],
                lines.Take(5).Select(l => l.StartsWith("node up at ", StringComparison.Ordinal) ? "node up at" : l));
        }
    }

    /// <summary>The answer <c>layernas run</c> gives; the trainings it made are set aside, so the spec's log counts only the cluster's.</summary>
    private static async Task<string> ReferenceAsync(TempFolder folder, string spec)
    {
        var reference = await ClusterSearch.ReferenceAsync(folder, spec);
        CountingTrainer.StartAfresh(spec);
        return reference;
    }

    /// <summary>No trial whose completion was recorded (before a crash) starts training again, and each was trained to the end once.</summary>
    internal static void AssertNeverTrainedAgain(IReadOnlySet<long> recorded, IReadOnlyList<Training> trainings)
    {
        foreach (var trial in recorded)
        {
            var mine = trainings.Where(t => t.Trial == trial).ToList();
            var done = Assert.Single(mine, t => t.Done);
            Assert.DoesNotContain(mine, t => !t.Done && t.UnixSeconds > done.UnixSeconds);
        }
    }

    /// <summary>The trials trained to the end more than once, each as its finished trainings in order; none more than twice.</summary>
    internal static IReadOnlyList<IReadOnlyList<Training>> TrainedTwice(IReadOnlyList<Training> trainings)
    {
        var twice = CountingTrainer.DoneByTrial(trainings).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<Training>)[.. g]).ToList();
        Assert.All(twice, done => Assert.Equal(2, done.Count));
        return twice;
    }

    private static async Task<string> SubmitAsync(LocalCluster cluster, string spec)
    {
        var api = new SearchService.SearchServiceClient(GrpcChannel.ForAddress(cluster.Api));
        return (await api.SubmitAsync(new SubmitRequest { Spec = SpecFile.Load(spec) })).SearchId;
    }

    private static Task<string> ResultAsync(LocalCluster cluster, TempFolder folder, string searchId, string output) =>
        ClusterSearch.ResultAsync(() => cluster.Api, null, folder, searchId, output);

    private static void SetTimeout(string specPath, double seconds)
    {
        var spec = SpecFile.Load(specPath);
        spec.Trainer.TimeoutSeconds = seconds;
        File.WriteAllText(specPath, Google.Protobuf.JsonFormatter.Default.Format(spec));
    }

    private static IReadOnlyList<Google.Protobuf.IMessage> Events(StorageSettings storage, string searchId) => JournalReader.Events(storage, $"search-{searchId}");

    private static IReadOnlyList<TrialCompleted> Completed(StorageSettings storage, string searchId) => ClusterSearch.Completed(storage, searchId);

    private static int CompletedBy(StorageSettings storage, string searchId, string worker) => ClusterSearch.CompletedBy(storage, searchId, worker);
}
