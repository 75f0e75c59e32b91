using System.Globalization;
using System.Security.Cryptography;
using LayerNas.Cli.Node;
using LayerNas.Cli.Tests.Deployment;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>
/// A rendered overlay's coordinator and workers as podman containers on this machine: each pod on its own loopback
/// address of a /24 picked for this cluster, the coordinator's stable name in every container's hosts file, its
/// volume claim a podman volume, its emptyDir volumes folders of a temporary folder, and the API token Secret a fresh
/// token (the overlay ships a placeholder the node refuses). All containers, volumes and folders are removed on dispose.
/// </summary>
internal sealed class ContainerCluster : IAsyncDisposable
{
    /// <summary>How long a pod may take to pass its readiness probe.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);

    private const string ClusterDomain = "svc.cluster.local";

    private readonly ContainerImage _image;
    private readonly RenderedManifests _manifests;
    private readonly Workload _coordinator;
    private readonly Workload _worker;
    private readonly string _run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly string _subnet = $"127.{RandomNumberGenerator.GetInt32(1, 255)}.{RandomNumberGenerator.GetInt32(0, 256)}";
    private readonly Dictionary<string, string> _hosts = [];
    private readonly List<PodContainer> _containers = [];
    private readonly TempFolder _emptyDirs = new();
    private PodPicture _coordinatorPod = null!;
    private int _lastAddress;

    private ContainerCluster(ContainerImage image, RenderedManifests manifests)
    {
        _image = image;
        _manifests = manifests;
        _coordinator = manifests.WithRole("coordinator");
        _worker = manifests.WithRole("worker");
    }

    /// <summary>The API's bearer token, which the token Secret holds.</summary>
    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The coordinator pod's container now running.</summary>
    public PodContainer Coordinator { get; private set; } = null!;

    /// <summary>The worker pods' containers, in the order they started.</summary>
    public List<PodContainer> Workers { get; } = [];

    /// <summary>The coordinator's API as the API Service reaches it (what <c>kubectl port-forward svc/…</c> forwards to).</summary>
    public string Api
    {
        get
        {
            var service = _manifests.OfKind("Service").Single(s => s["spec"]!["clusterIP"]?.GetValue<string>() != "None" && ManifestTests.Selects(s["spec"]!["selector"], _coordinator.PodLabels));
            var target = service["spec"]!["ports"]!.AsArray().Single()!["targetPort"]!.GetValue<string>();
            var port = int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : _coordinator.ContainerPort(target);
            return $"http://{Coordinator.Ip}:{port}";
        }
    }

    /// <summary>The coordinator's SQLite journal as this machine sees it: the file on the podman volume of its claim.</summary>
    public async Task<string> JournalAsync()
    {
        Assert.True(Coordinator.Run.Node.Storage.IsSqlite, "the container tests read a SQLite journal");
        var workingDir = _coordinator.Container["workingDir"]?.GetValue<string>() ?? _image.WorkingDir;
        var file = Path.Combine(workingDir, Coordinator.Run.Environment.GetValueOrDefault("LAYERNAS_DB", NodeSettings.DefaultDatabase));
        var claim = Coordinator.Run.Claims.SingleOrDefault(c => file.StartsWith(c.MountPath.TrimEnd('/') + "/", StringComparison.Ordinal));
        Assert.True(claim.Volume is not null, $"the journal {file} is on none of the coordinator's volume claims, so a new pod would not find it");
        var mountpoint = await Podman.CheckAsync("volume", "inspect", "--format", "{{.Mountpoint}}", claim.Volume);
        return Path.Combine(mountpoint, Path.GetRelativePath(claim.MountPath, file));
    }

    /// <summary>Starts the coordinator pods and worker replicas the manifests declare, and waits until each passes its readiness probe.</summary>
    public static async Task<ContainerCluster> StartAsync(ContainerImage image, RenderedManifests manifests)
    {
        var cluster = new ContainerCluster(image, manifests);
        try
        {
            foreach (var workload in new[] { cluster._coordinator, cluster._worker })
            {
                var name = workload.Container["image"]!.GetValue<string>();
                Assert.True(name.Split(':')[0] == "layernas", $"{workload.Kind} {workload.Name} runs the image {name}, not the layernas image deploy/Dockerfile builds");
            }
            Assert.Equal("1", cluster._coordinator.Resource["spec"]!["replicas"]!.GetValue<string>());
            var serviceName = cluster._coordinator.Resource["spec"]!["serviceName"]!.GetValue<string>();
            cluster._coordinatorPod = new PodPicture($"{cluster._coordinator.Name}-0", Workload.SampleNamespace, cluster.NextAddress());
            cluster._hosts[$"{cluster._coordinatorPod.Name}.{serviceName}.{cluster._coordinatorPod.Namespace}.{ClusterDomain}"] = cluster._coordinatorPod.Ip;

            var replicas = int.Parse(cluster._worker.Resource["spec"]!["replicas"]?.GetValue<string>() ?? "1", CultureInfo.InvariantCulture);
            cluster.Coordinator = await cluster.StartAsync(cluster._coordinator, cluster._coordinatorPod);
            var workers = new List<PodContainer>();
            for (var i = 0; i < replicas; i++)
            {
                workers.Add(await cluster.StartWorkerPodAsync());
            }
            foreach (var pod in workers.Prepend(cluster.Coordinator))
            {
                await pod.WaitReadyAsync(StartDeadline);
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a worker pod, as scaling the Deployment up does, and waits until it is ready.</summary>
    public async Task<PodContainer> AddWorkerAsync()
    {
        var worker = await StartWorkerPodAsync();
        await worker.WaitReadyAsync(StartDeadline);
        return worker;
    }

    /// <summary>Starts the coordinator pod again after its container ended: the same name and address, the same volume.</summary>
    public async Task RestartCoordinatorAsync()
    {
        Coordinator = await StartAsync(_coordinator, _coordinatorPod);
        await Coordinator.WaitReadyAsync(StartDeadline);
    }

    /// <summary>Fails the test if the kubelet would have restarted any container while it was meant to run.</summary>
    public void AssertNoPodWouldHaveBeenRestarted()
    {
        foreach (var container in _containers.Where(c => c.Trouble is not null))
        {
            Assert.Fail($"pod {container.Run.Pod.Name}: {container.Trouble}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers)
        {
            await container.RemoveAsync();
        }
        foreach (var volume in _containers.SelectMany(c => c.Run.Claims).Select(c => c.Volume).Distinct())
        {
            await Podman.RunAsync("volume", "rm", "--force", volume);
        }
        _emptyDirs.Dispose();
    }

    private async Task<PodContainer> StartWorkerPodAsync()
    {
        var pod = new PodPicture($"{_worker.Name}-{_run}-{Workers.Count}", Workload.SampleNamespace, NextAddress());
        var worker = await StartAsync(_worker, pod);
        Workers.Add(worker);
        return worker;
    }

    private async Task<PodContainer> StartAsync(Workload workload, PodPicture pod)
    {
        var run = new PodRun(workload, pod, Secret, _hosts, $"layernas-{_run}", _emptyDirs.Path);
        var container = await PodContainer.StartAsync(run, $"layernas-{_run}-{_containers.Count}-{pod.Name}", _image.Id, _image.User);
        _containers.Add(container);
        return container;
    }

    /// <summary>The overlay's Secrets, with the API token's replaced by this cluster's token.</summary>
    private string Secret(string name, string key)
    {
        var tokenSecret = _coordinator.EnvEntry("LAYERNAS_TOKEN")?["valueFrom"]?["secretKeyRef"];
        return tokenSecret?["name"]?.GetValue<string>() == name && tokenSecret["key"]?.GetValue<string>() == key ? Token : _manifests.SecretValue(name, key);
    }

    private string NextAddress() => $"{_subnet}.{++_lastAddress}";
}
