using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Net.Client;
using LayerNas.Client;
using LayerNas.Cli.Tests.Deployment;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;
using Xunit.Abstractions;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>
/// The layernas image, built from deploy/Dockerfile, running a coordinator and the worker replicas as podman
/// containers configured only by what the rendered <c>k8s/overlays/dev</c> manifests give their pods, so the image
/// and the manifests cannot drift apart: a search submitted from this machine answers as <c>layernas run</c> does
/// while a worker pod is stopped, another is added and the coordinator pod is killed and started again.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed partial class ContainerClusterTests(ContainerImage image, ITestOutputHelper output) : IClassFixture<ContainerImage>
{
    private static readonly TimeSpan Deadline = ClusterSearch.Deadline;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Pods_of_the_dev_manifests_search_as_layernas_run_through_a_graceful_stop_a_scale_up_and_a_killed_coordinator()
    {
        foreach (var figure in image.Figures)
        {
            output.WriteLine(figure);
        }
        var clock = Stopwatch.StartNew();
        using var folder = new TempFolder();
        // Five layers of one-second trials: about a hundred trials, enough to outlast each step below.
        var spec = SyntheticSpecs.Write(folder.Path, "containers", seed: 31, seconds: 1, layers: 5);
        var reference = ClusterSearch.ReferenceAsync(folder, spec);
        await using var cluster = await ContainerCluster.StartAsync(image, RenderedManifests.Render("overlays/dev"));
        output.WriteLine($"coordinator and {cluster.Workers.Count} workers ready after {clock.Elapsed.TotalSeconds:F0} s");
        var journal = StorageSettings.SqliteFile(await cluster.JournalAsync());

        var submitted = await Layernas.RunAsync(folder.Path, "submit", spec, "--server", cluster.Api, "--token", cluster.Token);
        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        var searchId = SearchId().Match(submitted.Stdout).Groups[1].Value;

        // A worker pod stopped as the kubelet stops it (SIGTERM, SIGKILL after the grace period) hands its trials back and leaves in time.
        var stopped = cluster.Workers[0];
        await Wait.UntilAsync(() => CompletedBy(journal, searchId, stopped) >= 2, Deadline, "two trials trained by the first worker pod", Poll);
        var slots = cluster.Workers.Sum(w => w.Run.Node.Slots);
        await Wait.UntilAsync(async () => await RunningAsync(cluster, searchId) >= slots, Deadline, $"all {slots} slots of the worker pods training", Poll);
        var stop = await stopped.StopAsync();
        Assert.True(stop.ExitCode == 0, $"the worker exited with {stop.ExitCode} after podman stop: it was killed at the end of its grace period of {stopped.Run.GracePeriod}");
        Assert.True(stop.Elapsed < stopped.Run.GracePeriod, $"the worker took {stop.Elapsed} to stop");
        Assert.Contains("node stopping: handing back leases and leaving the cluster", await stopped.LogsAsync());
        Assert.Matches(@"handed back \d+ trial\(s\); they are queued again at once", await cluster.Coordinator.LogsAsync());
        output.WriteLine($"worker stopped in {stop.Elapsed.TotalSeconds:F1} s (grace period {stopped.Run.GracePeriod.TotalSeconds} s)");

        // A worker pod added midway joins through its seed and takes trials.
        var added = await cluster.AddWorkerAsync();
        await Wait.UntilAsync(() => CompletedBy(journal, searchId, added) >= 2, Deadline, "two trials trained by the added worker pod", Poll);

        // The coordinator pod killed and started again on its volume resumes the search and trains no completed trial again.
        await cluster.Coordinator.KillAsync();
        var before = ClusterSearch.Completed(journal, searchId);
        await cluster.RestartCoordinatorAsync();
        var restarted = clock.Elapsed;

        var result = await ClusterSearch.ResultAsync(() => cluster.Api, cluster.Token, folder, searchId, "cluster.json");
        output.WriteLine($"search finished {(clock.Elapsed - restarted).TotalSeconds:F0} s after the coordinator came back; {clock.Elapsed.TotalSeconds:F0} s in all");
        Assert.Equal(await reference, result);
        var after = ClusterSearch.Completed(journal, searchId);
        ClusterSearch.AssertOneCompletionPerTrial(after);
        Assert.Equal(long.Parse(ClusterSearch.Json(result, "trialsTrained"), System.Globalization.CultureInfo.InvariantCulture), after.Count);
        Assert.True(after.Count > before.Count, "the restarted coordinator completed no trial");
        Assert.Equal(before.Select(c => c.TrialNumber), after.Take(before.Count).Select(c => c.TrialNumber));
        Assert.Contains("recovered", await cluster.Coordinator.LogsAsync());
        cluster.AssertNoPodWouldHaveBeenRestarted();
    }

    private static async Task<int> RunningAsync(ContainerCluster cluster, string searchId)
    {
        using var channel = GrpcChannel.ForAddress(cluster.Api);
        var api = new SearchApi(new SearchService.SearchServiceClient(channel), cluster.Token, CancellationToken.None);
        return (await api.GetAsync(searchId)).Progress?.TrialsRunning ?? 0;
    }

    /// <summary>Trials trained by the pod: a worker's completions name its advertised address, the pod's IP.</summary>
    private static int CompletedBy(StorageSettings journal, string searchId, PodContainer worker) =>
        ClusterSearch.CompletedBy(journal, searchId, $"akka.tcp://{ClusterHostingExtensions.SystemName}@{worker.Ip}:");

    [GeneratedRegex(@"search (s-[0-9a-f]{12}) ")]
    private static partial Regex SearchId();
}
