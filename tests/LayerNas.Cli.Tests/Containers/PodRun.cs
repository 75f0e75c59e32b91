using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LayerNas.Cli.Node;
using LayerNas.Cli.Tests.Deployment;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>
/// One pod of a rendered workload as a podman container on this machine's host network, configured only by what
/// the manifest gives the pod: its environment and arguments, security context, resources, volumes, grace period
/// and probes. The pod's IP address is a loopback one, so an address the pod binds on all its interfaces (0.0.0.0)
/// becomes that loopback address, and cluster DNS names are entries of the container's hosts file.
/// </summary>
/// <remarks>
/// Before anything runs, the pod is checked the way a real cluster would find it broken: a LAYERNAS_* variable the
/// node does not know, an environment the node refuses, a node that binds or advertises an address other pods cannot
/// reach, or listens on a port that is not a container port. What the tests cannot picture faithfully fails the test
/// rather than being left out silently.
/// </remarks>
internal sealed class PodRun
{
    private const string AnyAddress = "0.0.0.0";

    private static readonly HashSet<string> ContainerFields =
    [
        "name", "image", "imagePullPolicy", "args", "workingDir", "env", "ports", "resources", "securityContext", "volumeMounts",
        "readinessProbe", "livenessProbe", "startupProbe", "terminationMessagePath", "terminationMessagePolicy",
    ];

    private static readonly HashSet<string> PodSecurityFields = ["runAsNonRoot", "runAsUser", "runAsGroup", "fsGroup", "seccompProfile"];

    private static readonly HashSet<string> ContainerSecurityFields =
        ["runAsNonRoot", "runAsUser", "runAsGroup", "seccompProfile", "allowPrivilegeEscalation", "readOnlyRootFilesystem", "capabilities"];

    private readonly Workload _workload;
    private readonly IReadOnlyDictionary<string, string> _hosts;
    private readonly string _claimPrefix;
    private readonly string _emptyDirs;

    /// <summary>
    /// Checks the pod and prepares its container: <paramref name="hosts"/> are the cluster's DNS names with their pods'
    /// addresses, <paramref name="claimPrefix"/> starts the names of its claims' volumes, and its emptyDir volumes are
    /// folders under <paramref name="emptyDirs"/>.
    /// </summary>
    public PodRun(Workload workload, PodPicture pod, Func<string, string, string> secret, IReadOnlyDictionary<string, string> hosts, string claimPrefix, string emptyDirs)
    {
        _workload = workload;
        _hosts = hosts;
        _claimPrefix = claimPrefix;
        _emptyDirs = emptyDirs;
        Pod = pod;
        var what = $"pod {pod.Name} of {workload.Kind} {workload.Name}";
        Assert.True(workload.PodSpec["enableServiceLinks"]?.GetValue<string>() == "false", $"{what}: the container tests do not picture service-link variables");
        var unknown = workload.Container.Select(f => f.Key).Where(f => !ContainerFields.Contains(f)).ToList();
        Assert.True(unknown.Count == 0, $"{what}: the container tests do not picture the container's {string.Join(", ", unknown)}");

        var environment = workload.Environment(secret, pod);
        foreach (var name in environment.Keys.Where(n => n.StartsWith("LAYERNAS_", StringComparison.Ordinal)))
        {
            Assert.True(NodeSetting.All.Any(s => s.Environment == name), $"{what} sets {name}, which is not a setting of layernas node");
        }
        try
        {
            Node = workload.Settings(secret, pod);
        }
        catch (UsageException e)
        {
            throw new InvalidOperationException($"layernas node would refuse the environment of {what}: {e.Message}", e);
        }
        CheckReachable(what);
        // The pod's own interfaces are its loopback address here.
        Environment = environment.ToDictionary(e => e.Key, e => (e.Value ?? "").Replace(AnyAddress, pod.Ip, StringComparison.Ordinal));
        Args = workload.Args(environment);
        Readiness = PodProbe.From(workload.Container, "readinessProbe", workload.ContainerPort);
        Liveness = PodProbe.From(workload.Container, "livenessProbe", workload.ContainerPort);
        Assert.True(PodProbe.From(workload.Container, "startupProbe", workload.ContainerPort) is null, $"{what}: the container tests do not picture startup probes yet");
        GracePeriod = TimeSpan.FromSeconds(int.Parse(workload.PodSpec["terminationGracePeriodSeconds"]?.GetValue<string>() ?? "30", CultureInfo.InvariantCulture));
    }

    /// <summary>The pod: name, namespace, address.</summary>
    public PodPicture Pod { get; }

    /// <summary>The node's settings, as the node reads them from the pod's environment and arguments.</summary>
    public NodeSettings Node { get; }

    /// <summary>The container's environment, with the pod's interfaces being its loopback address.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The container's arguments.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>The readiness probe, if the manifest has one.</summary>
    public PodProbe? Readiness { get; }

    /// <summary>The liveness probe, if the manifest has one.</summary>
    public PodProbe? Liveness { get; }

    /// <summary>How long the kubelet waits after SIGTERM before it kills the container.</summary>
    public TimeSpan GracePeriod { get; }

    /// <summary>The pod's persistent volumes: each claim's podman volume (named as a StatefulSet names its claims) and where it is mounted.</summary>
    public IReadOnlyList<(string Volume, string MountPath)> Claims =>
    [
        .. Mounts().Where(m => IsClaim(m.Name)).Select(m => ($"{_claimPrefix}-{m.Name}-{Pod.Name}", m.MountPath)),
    ];

    /// <summary>The folders of this machine the pod's emptyDir volumes are, to be made before the container starts.</summary>
    public IReadOnlyList<string> EmptyDirs => [.. Mounts().Where(m => !IsClaim(m.Name)).Select(m => EmptyDir(m.Name))];

    /// <summary>The arguments of <c>podman run</c> that start the pod's container from <paramref name="image"/>.</summary>
    public IReadOnlyList<string> PodmanArguments(string containerName, string image, string imageUser)
    {
        var arguments = new List<string> { "run", "--detach", "--name", containerName, "--network", "host", "--hostname", Pod.Name };
        arguments.AddRange(_hosts.SelectMany(h => new[] { "--add-host", $"{h.Key}:{h.Value}" }));
        arguments.AddRange(Environment.SelectMany(e => new[] { "--env", $"{e.Key}={e.Value}" }));
        arguments.AddRange(Security(imageUser));
        arguments.AddRange(Resources());
        arguments.AddRange(Volumes());
        arguments.AddRange(["--stop-timeout", ((int)GracePeriod.TotalSeconds).ToString(CultureInfo.InvariantCulture)]);
        if (_workload.Container["workingDir"]?.GetValue<string>() is { } workingDir)
        {
            arguments.AddRange(["--workdir", workingDir]);
        }
        arguments.Add(image);
        arguments.AddRange(Args);
        return arguments;
    }

    private void CheckReachable(string what)
    {
        var cluster = Node.Cluster;
        Assert.True(cluster.Hostname is AnyAddress || cluster.Hostname == Pod.Ip,
            $"{what}: the node binds its cluster transport to {cluster.Hostname}, which other pods cannot reach (LAYERNAS_HOST)");
        var advertised = cluster.PublicHostname ?? cluster.Hostname;
        Assert.True(advertised == Pod.Ip || (_hosts.TryGetValue(advertised, out var ip) && ip == Pod.Ip),
            $"{what}: the node advertises {advertised}, which is neither the pod's address nor a cluster name of the pod (LAYERNAS_PUBLIC_HOST)");
        CheckPort(what, cluster.Port, "its cluster transport (LAYERNAS_PORT)");
        if (Node.IsCoordinator)
        {
            var api = Node.Api.Endpoint;
            Assert.True(api.AnyAddress || api.Address.Equals(IPAddress.Any) || api.Address.Equals(IPAddress.Parse(Pod.Ip)),
                $"{what}: the node serves its API on {api.Address}, which the API Service cannot reach (LAYERNAS_API)");
            CheckPort(what, api.Port, "its API (LAYERNAS_API)");
        }
    }

    private void CheckPort(string what, int port, string purpose)
    {
        var ports = _workload.Container["ports"]?.AsArray().Select(p => int.Parse(p!["containerPort"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList() ?? [];
        Assert.True(ports.Contains(port), $"{what}: the node listens for {purpose} on port {port}, which is not one of the container's ports ({string.Join(", ", ports)})");
    }

    private IEnumerable<string> Security(string imageUser)
    {
        var pod = Fields(_workload.PodSpec["securityContext"], PodSecurityFields, "the pod's securityContext");
        var container = Fields(_workload.Container["securityContext"], ContainerSecurityFields, "the container's securityContext");
        string? Setting(string name) => container[name]?.GetValue<string>() ?? pod[name]?.GetValue<string>();

        foreach (var profile in new[] { pod["seccompProfile"], container["seccompProfile"] }.OfType<JsonNode>())
        {
            Assert.True(profile["type"]?.GetValue<string>() == "RuntimeDefault", $"the container tests picture the RuntimeDefault seccomp profile only, not {profile.ToJsonString()}");
        }
        var user = Setting("runAsUser");
        var group = Setting("runAsGroup");
        if (Setting("runAsNonRoot") == "true")
        {
            var uid = user ?? imageUser.Split(':')[0];
            Assert.True(int.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number != 0,
                $"pod {Pod.Name}: runAsNonRoot, but the container would run as user '{uid}', which the kubelet refuses");
        }
        if (user is not null)
        {
            yield return "--user";
            yield return group is null ? user : $"{user}:{group}";
        }
        if (pod["fsGroup"]?.GetValue<string>() is { } fsGroup)
        {
            yield return "--group-add";
            yield return fsGroup;
        }
        if (container["allowPrivilegeEscalation"]?.GetValue<string>() == "false")
        {
            yield return "--security-opt";
            yield return "no-new-privileges";
        }
        if (container["readOnlyRootFilesystem"]?.GetValue<string>() == "true")
        {
            // Only the pod's own volumes are writable: podman's default tmpfs on /tmp, /run and /var/tmp stays off.
            yield return "--read-only";
            yield return "--read-only-tmpfs=false";
        }
        var capabilities = Fields(container["capabilities"], ["drop", "add"], "the container's capabilities");
        foreach (var (option, list) in new[] { ("--cap-drop", "drop"), ("--cap-add", "add") })
        {
            foreach (var capability in capabilities[list]?.AsArray().Select(c => c!.GetValue<string>()) ?? [])
            {
                yield return option;
                yield return capability;
            }
        }
    }

    private IEnumerable<string> Resources()
    {
        var resources = Fields(_workload.Container["resources"], ["requests", "limits"], "the container's resources");
        var requests = Fields(resources["requests"], ["cpu", "memory"], "the container's resource requests");
        var limits = Fields(resources["limits"], ["cpu", "memory"], "the container's resource limits");
        // A memory request only places the pod; the kubelet turns the CPU request into CPU shares and limits into limits.
        if (requests["cpu"]?.GetValue<string>() is { } cpuRequest)
        {
            yield return "--cpu-shares";
            yield return Quantity.CpuShares(cpuRequest).ToString(CultureInfo.InvariantCulture);
        }
        if (limits["cpu"]?.GetValue<string>() is { } cpus)
        {
            yield return "--cpus";
            yield return Quantity.Parse(cpus).ToString(CultureInfo.InvariantCulture);
        }
        if (limits["memory"]?.GetValue<string>() is { } memory)
        {
            yield return "--memory";
            yield return ((long)Quantity.Parse(memory)).ToString(CultureInfo.InvariantCulture);
        }
    }

    private IEnumerable<string> Volumes()
    {
        var claims = Claims.ToDictionary(c => c.MountPath, c => c.Volume);
        var fsGroup = _workload.PodSpec["securityContext"]?["fsGroup"] is not null;
        foreach (var (name, mountPath, readOnly) in Mounts())
        {
            if (claims.TryGetValue(mountPath, out var volume))
            {
                // fsGroup makes a claim's volume writable by the pod's group; :U gives it to the container's user.
                yield return "--volume";
                yield return $"{volume}:{mountPath}:{(readOnly ? "ro" : "rw")}{(fsGroup ? ",U" : "")}";
                continue;
            }
            var source = _workload.PodSpec["volumes"]?.AsArray().SingleOrDefault(v => v!["name"]!.GetValue<string>() == name)?.AsObject();
            Assert.True(source is not null, $"pod {Pod.Name} mounts the volume {name}, which the pod does not have");
            var kind = Fields(source, ["name", "emptyDir"], $"the volume {name}");
            Assert.True(kind["emptyDir"] is not null, $"the container tests picture claims and emptyDir volumes only, not {source.ToJsonString()}");
            // An emptyDir is an empty folder of the machine that any user of the pod can write (see PodContainer).
            yield return "--volume";
            yield return $"{EmptyDir(name)}:{mountPath}:{(readOnly ? "ro" : "rw")}";
        }
    }

    private string EmptyDir(string volume) => Path.Combine(_emptyDirs, Pod.Name, volume);

    private IEnumerable<(string Name, string MountPath, bool ReadOnly)> Mounts() =>
        _workload.Container["volumeMounts"]?.AsArray().Select(m =>
        {
            var mount = Fields(m, ["name", "mountPath", "readOnly"], "a volume mount");
            return (mount["name"]!.GetValue<string>(), mount["mountPath"]!.GetValue<string>(), mount["readOnly"]?.GetValue<string>() == "true");
        }) ?? [];

    private bool IsClaim(string volume) =>
        _workload.Resource["spec"]!["volumeClaimTemplates"]?.AsArray().Any(c => c!["metadata"]!["name"]!.GetValue<string>() == volume) ?? false;

    /// <summary>The object <paramref name="node"/> (empty when absent), failing the test when it has a field the tests do not picture.</summary>
    private static JsonObject Fields(JsonNode? node, IReadOnlyCollection<string> known, string what)
    {
        var fields = node as JsonObject ?? new JsonObject();
        var unknown = fields.Select(f => f.Key).Where(k => !known.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, $"the container tests do not picture {string.Join(", ", unknown)} of {what}");
        return fields;
    }
}
