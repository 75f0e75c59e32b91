using System.Text.Json.Nodes;
using LayerNas.Cli.Tests.Deployment;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>
/// How the container tests turn the rendered dev pods into containers, and what they refuse before anything runs: a
/// variable the node does not know, and the omission of one the node needs in a pod.
/// </summary>
public sealed class PodRunTests
{
    private const string CoordinatorIp = "127.3.4.1";
    private const string WorkerIp = "127.3.4.2";
    private const string Token = "token-of-the-pods";

    [Fact]
    public void A_pod_binds_its_loopback_address_where_the_manifest_binds_all_interfaces_and_keeps_every_other_value()
    {
        var (coordinator, worker) = Pods(RenderedManifests.Render("overlays/dev"));

        Assert.Equal(CoordinatorIp, coordinator.Environment["LAYERNAS_HOST"]);
        Assert.Equal($"http://{CoordinatorIp}:50051", coordinator.Environment["LAYERNAS_API"]);
        Assert.Equal(Token, coordinator.Environment["LAYERNAS_TOKEN"]);
        Assert.Equal($"layernas-coordinator-0.layernas-coordinator.{Workload.SampleNamespace}.svc.cluster.local", coordinator.Environment["LAYERNAS_PUBLIC_HOST"]);
        Assert.Equal(WorkerIp, worker.Environment["LAYERNAS_HOST"]);
        Assert.Equal(WorkerIp, worker.Environment["LAYERNAS_PUBLIC_HOST"]);
        Assert.Equal($"akka.tcp://layernas@{coordinator.Environment["LAYERNAS_PUBLIC_HOST"]}:4053", worker.Environment["LAYERNAS_SEEDS"]);
        Assert.Equal(["node"], worker.Args);
    }

    [Fact]
    public void A_pod_runs_with_its_security_context_resources_volumes_and_grace_period()
    {
        var (coordinator, worker) = Pods(RenderedManifests.Render("overlays/dev"));

        var arguments = string.Join(' ', coordinator.PodmanArguments("c", "image-id", "1654:1654"));
        Assert.Contains("--network host --hostname layernas-coordinator-0", arguments);
        Assert.Contains($"--add-host layernas-coordinator-0.layernas-coordinator.{Workload.SampleNamespace}.svc.cluster.local:{CoordinatorIp}", arguments);
        Assert.Contains("--user 1654:1654 --group-add 1654 --security-opt no-new-privileges --read-only --read-only-tmpfs=false --cap-drop ALL", arguments);
        Assert.Contains("--cpu-shares 102 --cpus 2 --memory 1073741824", arguments);
        Assert.Contains("--volume layernas-t-data-layernas-coordinator-0:/var/lib/layernas:rw,U", arguments);
        Assert.Contains("--volume /empty/layernas-coordinator-0/tmp:/tmp:rw", arguments);
        Assert.Contains("--stop-timeout 90 --workdir /var/lib/layernas image-id node", arguments);
        Assert.Equal([("layernas-t-data-layernas-coordinator-0", "/var/lib/layernas")], coordinator.Claims);
        Assert.Equal(TimeSpan.FromSeconds(90), worker.GracePeriod);
        Assert.Empty(worker.Claims);
        Assert.Equal(["/empty/layernas-worker-t-0/work", "/empty/layernas-worker-t-0/tmp"], worker.EmptyDirs);
        Assert.Contains("--volume /empty/layernas-worker-t-0/work:/var/lib/layernas:rw", string.Join(' ', worker.PodmanArguments("w", "image-id", "1654:1654")));
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("worker")]
    public void A_variable_the_node_does_not_know_fails_the_pod(string role)
    {
        var manifests = RenderedManifests.Render("overlays/dev");
        manifests.WithRole(role).Container["env"]!.AsArray().Add(new JsonObject { ["name"] = "LAYERNAS_REPLICAS", ["value"] = "2" });

        var refused = Assert.ThrowsAny<Exception>(() => Pods(manifests));

        Assert.Contains("sets LAYERNAS_REPLICAS, which is not a setting of layernas node", refused.Message);
    }

    [Theory]
    [InlineData("worker", "LAYERNAS_SEEDS", "a worker node needs a seed")]
    [InlineData("worker", "LAYERNAS_HOST", "binds its cluster transport to 127.0.0.1, which other pods cannot reach (LAYERNAS_HOST)")]
    [InlineData("worker", "LAYERNAS_PUBLIC_HOST", "advertises 0.0.0.0, which is neither the pod's address nor a cluster name of the pod (LAYERNAS_PUBLIC_HOST)")]
    [InlineData("worker", "LAYERNAS_PORT", "listens for its cluster transport (LAYERNAS_PORT) on port 0")]
    [InlineData("coordinator", "LAYERNAS_HOST", "binds its cluster transport to 127.0.0.1")]
    [InlineData("coordinator", "LAYERNAS_PUBLIC_HOST", "advertises 0.0.0.0")]
    [InlineData("coordinator", "LAYERNAS_API", "serves its API on 127.0.0.1, which the API Service cannot reach (LAYERNAS_API)")]
    [InlineData("coordinator", "LAYERNAS_TOKEN", "needs a bearer token")]
    public void A_pod_without_a_variable_its_node_needs_fails(string role, string variable, string expected)
    {
        var manifests = RenderedManifests.Render("overlays/dev");
        var env = manifests.WithRole(role).Container["env"]!.AsArray();
        Assert.True(env.Remove(env.Single(e => e!["name"]!.GetValue<string>() == variable)));

        var refused = Assert.ThrowsAny<Exception>(() => Pods(manifests));

        Assert.Contains(expected, refused.Message);
    }

    private static (PodRun Coordinator, PodRun Worker) Pods(RenderedManifests manifests)
    {
        var coordinator = manifests.WithRole("coordinator");
        var worker = manifests.WithRole("worker");
        var coordinatorPod = new PodPicture("layernas-coordinator-0", Workload.SampleNamespace, CoordinatorIp);
        var hosts = new Dictionary<string, string> { [$"layernas-coordinator-0.layernas-coordinator.{Workload.SampleNamespace}.svc.cluster.local"] = CoordinatorIp };
        string Secret(string name, string key) => key == "token" ? Token : manifests.SecretValue(name, key);
        return (
            new PodRun(coordinator, coordinatorPod, Secret, hosts, "layernas-t", "/empty"),
            new PodRun(worker, new PodPicture("layernas-worker-t-0", Workload.SampleNamespace, WorkerIp), Secret, hosts, "layernas-t", "/empty"));
    }
}
