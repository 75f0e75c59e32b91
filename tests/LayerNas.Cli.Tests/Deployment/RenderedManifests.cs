using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace LayerNas.Cli.Tests.Deployment;

/// <summary>The resources a kustomization under <c>k8s/</c> renders to, as <c>kubectl kustomize</c> renders them for <c>kubectl apply -k</c>.</summary>
internal sealed class RenderedManifests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private RenderedManifests(IReadOnlyList<JsonObject> resources) => Resources = resources;

    /// <summary>Every rendered resource, as JSON (every scalar a string).</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>The StatefulSets and Deployments.</summary>
    public IReadOnlyList<Workload> Workloads =>
        Resources.Where(r => Kind(r) is "StatefulSet" or "Deployment").Select(r => new Workload(r)).ToList();

    /// <summary>Renders <c>k8s/<paramref name="kustomization"/></c> with kubectl; fails with a clear message when kubectl is missing.</summary>
    public static RenderedManifests Render(string kustomization)
    {
        var folder = Path.Combine(K8sFolder(), kustomization);
        Assert.True(File.Exists(Path.Combine(folder, "kustomization.yaml")), $"{folder} has no kustomization.yaml");
        return new RenderedManifests(Parse(Kustomize(folder)));
    }

    /// <summary>The repository's <c>k8s</c> folder, found above the test's output folder.</summary>
    public static string K8sFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "k8s");
            if (File.Exists(Path.Combine(candidate, "base", "kustomization.yaml")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"k8s/base/kustomization.yaml was not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The resources of one kind.</summary>
    public IEnumerable<JsonObject> OfKind(string kind) => Resources.Where(r => Kind(r) == kind);

    /// <summary>The one resource of this kind and name.</summary>
    public JsonObject Named(string kind, string name)
    {
        var found = OfKind(kind).Where(r => Name(r) == name).ToList();
        Assert.True(found.Count == 1, $"expected one {kind} named {name}, found {found.Count}");
        return found[0];
    }

    /// <summary>The decoded value of <paramref name="key"/> in the rendered Secret <paramref name="name"/>; fails when either is missing.</summary>
    public string SecretValue(string name, string key)
    {
        var secret = Named("Secret", name);
        var data = secret["data"]?[key]?.GetValue<string>();
        Assert.True(data is not null, $"Secret {name} has no key {key}");
        return Encoding.UTF8.GetString(Convert.FromBase64String(data));
    }

    /// <summary>The one workload whose node has this role (LAYERNAS_ROLE).</summary>
    public Workload WithRole(string role)
    {
        var found = Workloads.Where(w => w.LiteralEnv("LAYERNAS_ROLE") == role).ToList();
        Assert.True(found.Count == 1, $"expected one workload with LAYERNAS_ROLE={role}, found {found.Count}");
        return found[0];
    }

    public static string Kind(JsonObject resource) => resource["kind"]!.GetValue<string>();

    public static string Name(JsonObject resource) => resource["metadata"]!["name"]!.GetValue<string>();

    private static string Kustomize(string folder)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"kubectl is needed to render the Kubernetes manifests under test and was not found ({e.Message}); install it, on Debian with: apt-get install kubernetes-client", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Deadline))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {folder} did not finish within {Deadline}");
            }
            Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} failed with exit code {process.ExitCode}: {errors.Result}");
            return output.Result;
        }
    }

    private static List<JsonObject> Parse(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var deserializer = new DeserializerBuilder().Build();
        var resources = new List<JsonObject>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (ToJson(deserializer.Deserialize<object?>(parser)) is JsonObject resource)
            {
                resources.Add(resource);
            }
        }
        return resources;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key.ToString()!, ToJson(e.Value)))),
        IList<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
