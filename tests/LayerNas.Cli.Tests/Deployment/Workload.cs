using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LayerNas.Cli.CommandLine;
using LayerNas.Cli.Node;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Deployment;

/// <summary>A rendered StatefulSet or Deployment running one <c>layernas node</c> container, and the environment its pods get.</summary>
internal sealed partial class Workload(JsonObject resource)
{
    /// <summary>The namespace the pods are pictured in.</summary>
    public const string SampleNamespace = "ns-under-test";

    /// <summary>The IP address pods are pictured with.</summary>
    public const string SamplePodIp = "10.1.2.3";

    /// <summary>Where the images hold the repository's examples folder (deploy/Dockerfile copies it there).</summary>
    public const string ImageExamples = "/app/examples";

    public JsonObject Resource { get; } = resource;

    public string Kind => RenderedManifests.Kind(Resource);

    public string Name => RenderedManifests.Name(Resource);

    public JsonObject PodSpec => Resource["spec"]!["template"]!["spec"]!.AsObject();

    public IReadOnlyDictionary<string, string> PodLabels => Strings(Resource["spec"]!["template"]!["metadata"]?["labels"]);

    public IReadOnlyDictionary<string, string> Selector => Strings(Resource["spec"]!["selector"]?["matchLabels"]);

    /// <summary>The pod's only container; fails when there is not exactly one.</summary>
    public JsonObject Container
    {
        get
        {
            var containers = PodSpec["containers"]!.AsArray();
            Assert.True(containers.Count == 1, $"{Kind} {Name} has {containers.Count} containers, expected the node alone");
            return containers[0]!.AsObject();
        }
    }

    public IReadOnlyList<JsonObject> Env => Container["env"]?.AsArray().Select(e => e!.AsObject()).ToList() ?? [];

    /// <summary>The first pod's name: StatefulSet pods are numbered from 0, Deployment pods get a random suffix.</summary>
    public string SamplePodName => Kind == "StatefulSet" ? $"{Name}-0" : $"{Name}-5d9c7b6f4-x2k8q";

    /// <summary>The first pod, pictured in the sample namespace with the sample IP address.</summary>
    public PodPicture SamplePod => new(SamplePodName, SampleNamespace, SamplePodIp);

    /// <summary>The entry of an environment variable, or null.</summary>
    public JsonObject? EnvEntry(string name) => Env.SingleOrDefault(e => e["name"]!.GetValue<string>() == name);

    /// <summary>The literal value of an environment variable as written (before the kubelet expands it), or null.</summary>
    public string? LiteralEnv(string name) => EnvEntry(name)?["value"]?.GetValue<string>();

    /// <summary>The number of a named container port.</summary>
    public int ContainerPort(string name)
    {
        var port = Container["ports"]?.AsArray().SingleOrDefault(p => p!["name"]?.GetValue<string>() == name);
        Assert.True(port is not null, $"{Kind} {Name} has no container port named {name}");
        return int.Parse(port["containerPort"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The environment the kubelet gives the first pod's container (see the overload).</summary>
    public IReadOnlyDictionary<string, string?> Environment(Func<string, string, string> secret) => Environment(secret, SamplePod);

    /// <summary>
    /// The environment the kubelet gives the container of <paramref name="pod"/>: its downward-API fields, secrets
    /// from <paramref name="secret"/> (name, key), and $(VAR) references to earlier variables expanded.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment(Func<string, string, string> secret, PodPicture pod)
    {
        Assert.True(Container["envFrom"] is null, $"{Kind} {Name} uses envFrom, whose variable names the manifests cannot show");
        var environment = new Dictionary<string, string?>();
        foreach (var entry in Env)
        {
            var name = entry["name"]!.GetValue<string>();
            environment[name] = entry["valueFrom"] is { } from ? From(from, secret, pod) : Expand(entry["value"]?.GetValue<string>() ?? "", environment);
        }
        return environment;
    }

    /// <summary>The node's checked settings from the environment the first pod gets (see the overload).</summary>
    public NodeSettings Settings(Func<string, string, string> secret) => Settings(secret, SamplePod);

    /// <summary>The node's checked settings from the environment and arguments <paramref name="pod"/> gets; throws <see cref="UsageException"/> as the node would refuse to start.</summary>
    public NodeSettings Settings(Func<string, string, string> secret, PodPicture pod)
    {
        var environment = Environment(secret, pod);
        var args = Args(environment);
        Assert.True(args is ["node", ..], $"{Kind} {Name} runs layernas {string.Join(' ', args)}, not layernas node");
        using var noSettingsFile = new TempFolder();
        var onThisMachine = environment.ToDictionary(e => e.Key, e => e.Key == DataRootVariable ? OnThisMachine(e.Value) : e.Value);
        var loaded = NodeConfiguration.Load(LayernasCommandLine.Parse(args), onThisMachine, noSettingsFile.Path);
        return NodeSettings.From(loaded.Options, loaded.FromCommandLine);
    }

    /// <summary>The container's arguments with $(VAR) references expanded as the kubelet expands them; the image's own (node) when the manifest gives none.</summary>
    public IReadOnlyList<string> Args(IReadOnlyDictionary<string, string?> environment) =>
        Container["args"]?.AsArray().Select(a => Expand(a!.GetValue<string>(), environment)).ToList() ?? ["node"];

    /// <summary>
    /// The path on this machine of a path in the image: the node checks that its data root exists, and the image's
    /// examples are the repository's. Other paths stay as they are, so a data root the image lacks is refused here too.
    /// </summary>
    public static string? OnThisMachine(string? imagePath) =>
        imagePath is not null && (imagePath == ImageExamples || imagePath.StartsWith(ImageExamples + "/", StringComparison.Ordinal))
            ? Path.Combine(Path.GetDirectoryName(Examples.Path("burger.json"))!, imagePath[ImageExamples.Length..].TrimStart('/'))
            : imagePath;

    private const string DataRootVariable = "LAYERNAS_DATA_ROOT";

    private string From(JsonNode from, Func<string, string, string> secret, PodPicture pod)
    {
        if (from["secretKeyRef"] is { } secretRef)
        {
            return secret(secretRef["name"]!.GetValue<string>(), secretRef["key"]!.GetValue<string>());
        }
        var field = from["fieldRef"]?["fieldPath"]?.GetValue<string>();
        return field switch
        {
            "metadata.name" => pod.Name,
            "metadata.namespace" => pod.Namespace,
            "status.podIP" => pod.Ip,
            _ => throw new InvalidOperationException($"{Kind} {Name}: the test does not picture the value source {from.ToJsonString()}"),
        };
    }

    /// <summary>Kubernetes' expansion: $(NAME) of a variable defined earlier in the list becomes its value, $$ becomes $.</summary>
    private static string Expand(string value, IReadOnlyDictionary<string, string?> earlier) =>
        Reference().Replace(value, m => m.Value == "$$" ? "$" : earlier.TryGetValue(m.Groups[1].Value, out var v) && v is not null ? v : m.Value);

    private static Dictionary<string, string> Strings(JsonNode? map) =>
        map?.AsObject().ToDictionary(e => e.Key, e => e.Value!.GetValue<string>()) ?? [];

    [GeneratedRegex(@"\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
