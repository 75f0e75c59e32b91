using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Akka.Configuration;
using LayerNas.Cli.Node;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Workers;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cli.Tests.Deployment;

/// <summary>
/// Renders every kustomization under k8s/ with kubectl and checks it against the node it runs: the variables are
/// real node settings, the node accepts the environment its pod gets, the workers' seed is the coordinator's
/// advertised address, the API's token comes from a Secret, and pods outlast a graceful stop.
/// </summary>
public sealed partial class ManifestTests
{
    private const string SampleToken = "token-under-test";
    private const string SamplePostgres = "Host=postgres.example;Port=5432;Username=layernas;Password=sample;Database=layernas";

    public static TheoryData<string> Overlays => new() { "overlays/dev", "overlays/postgres", "overlays/pytorch-workers", "overlays/autoscale" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_LAYERNAS_variable_is_a_node_setting_and_no_service_link_can_add_another(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var settings = NodeSetting.All.Select(s => s.Environment).ToHashSet();

        Assert.NotEmpty(manifests.Workloads);
        foreach (var workload in manifests.Workloads)
        {
            var variables = workload.Env.Select(e => e["name"]!.GetValue<string>()).Where(n => n.StartsWith("LAYERNAS_", StringComparison.Ordinal)).ToList();
            Assert.Contains("LAYERNAS_ROLE", variables);
            Assert.All(variables, v => Assert.True(settings.Contains(v), $"{workload.Kind} {workload.Name} sets {v}, which is not a setting of layernas node"));
            // Service links would add LAYERNAS_PORT=tcp://… for a Service named `layernas`.
            Assert.True(workload.PodSpec["enableServiceLinks"]?.GetValue<string>() == "false", $"{workload.Kind} {workload.Name} lets Kubernetes add service-link variables");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_workers_seed_is_the_address_the_coordinator_advertises_under_its_headless_service(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var coordinator = manifests.WithRole("coordinator");
        var worker = manifests.WithRole("worker");
        Assert.Equal("StatefulSet", coordinator.Kind);
        Assert.Equal("1", coordinator.Resource["spec"]!["replicas"]!.GetValue<string>());
        Assert.Equal("Deployment", worker.Kind);

        var serviceName = coordinator.Resource["spec"]!["serviceName"]!.GetValue<string>();
        var service = manifests.Named("Service", serviceName);
        Assert.Equal("None", service["spec"]!["clusterIP"]?.GetValue<string>());
        Assert.Equal("true", service["spec"]!["publishNotReadyAddresses"]?.GetValue<string>());
        Assert.True(Selects(service["spec"]!["selector"], coordinator.PodLabels), $"Service {serviceName} does not select the coordinator's pods");

        var coordinatorNode = coordinator.Settings(SampleSecret);
        var workerNode = worker.Settings(SampleSecret);
        var advertised = $"{coordinator.Name}-0.{serviceName}.{Workload.SampleNamespace}.svc.cluster.local";
        Assert.Equal(advertised, coordinatorNode.Cluster.PublicHostname);
        Assert.Equal(coordinator.ContainerPort("akka"), coordinatorNode.Cluster.Port);
        Assert.Contains(service["spec"]!["ports"]!.AsArray(), p => p!["port"]!.GetValue<string>() == coordinatorNode.Cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([$"akka.tcp://{ClusterHostingExtensions.SystemName}@{advertised}:{coordinatorNode.Cluster.Port}"], workerNode.Cluster.SeedNodes);
        Assert.Empty(coordinatorNode.Cluster.SeedNodes);

        Assert.Equal(Workload.SamplePodIp, workerNode.Cluster.PublicHostname);
        Assert.Equal(worker.ContainerPort("akka"), workerNode.Cluster.Port);
        Assert.All([coordinatorNode, workerNode], node => Assert.Equal("0.0.0.0", node.Cluster.Hostname));
        Assert.Equal([ClusterRoles.Coordinator], coordinatorNode.Cluster.Roles);
        Assert.Equal([ClusterRoles.Worker], workerNode.Cluster.Roles);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_API_beyond_loopback_takes_its_token_from_a_secret_the_overlay_provides(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var coordinator = manifests.WithRole("coordinator");
        var api = coordinator.Settings(SampleSecret).Api;

        Assert.False(api.Endpoint.IsLoopback, "the API Service can only reach an API bound beyond loopback");
        Assert.Equal(SampleToken, api.Token);
        var token = coordinator.EnvEntry("LAYERNAS_TOKEN")!;
        Assert.Null(token["value"]);
        var secretRef = token["valueFrom"]?["secretKeyRef"];
        Assert.True(secretRef is not null, "LAYERNAS_TOKEN must come from a Secret");
        Assert.NotEmpty(manifests.SecretValue(secretRef["name"]!.GetValue<string>(), secretRef["key"]!.GetValue<string>()).Trim());

        var apiServices = manifests.OfKind("Service")
            .Where(s => s["spec"]!["clusterIP"]?.GetValue<string>() != "None" && Selects(s["spec"]!["selector"], coordinator.PodLabels))
            .ToList();
        var apiService = Assert.Single(apiServices);
        var port = Assert.Single(apiService["spec"]!["ports"]!.AsArray());
        Assert.Equal("api", port!["targetPort"]!.GetValue<string>());
        Assert.Equal(api.Endpoint.Port, coordinator.ContainerPort("api"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_placeholder_token_an_overlay_ships_is_one_the_node_refuses(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var coordinator = manifests.WithRole("coordinator");

        var refused = Assert.Throws<UsageException>(() => coordinator.Settings(manifests.SecretValue));

        Assert.Contains("token", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_pod_outlasts_the_longest_graceful_stop_of_its_node(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var longest = LongestCoordinatedShutdown();

        Assert.True(longest >= TimeSpan.FromSeconds(30), $"the coordinated shutdown's phases add up to only {longest}");
        foreach (var workload in manifests.Workloads)
        {
            var grace = workload.PodSpec["terminationGracePeriodSeconds"]?.GetValue<string>();
            Assert.True(grace is not null, $"{workload.Kind} {workload.Name} has no terminationGracePeriodSeconds");
            Assert.True(TimeSpan.FromSeconds(int.Parse(grace, System.Globalization.CultureInfo.InvariantCulture)) > longest,
                $"{workload.Kind} {workload.Name}: a grace period of {grace} s could kill a node before its coordinated shutdown (up to {longest.TotalSeconds} s) hands its trials back and leaves");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Selectors_pick_exactly_their_own_pods(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var workloads = manifests.Workloads;

        foreach (var workload in workloads)
        {
            Assert.NotEmpty(workload.Selector);
            foreach (var other in workloads)
            {
                var selects = workload.Selector.All(l => other.PodLabels.TryGetValue(l.Key, out var v) && v == l.Value);
                Assert.True(selects == (other == workload), $"the selector of {workload.Kind} {workload.Name} {(selects ? "picks" : "misses")} the pods of {other.Kind} {other.Name}");
            }
        }
        foreach (var service in manifests.OfKind("Service"))
        {
            var selected = workloads.Count(w => Selects(service["spec"]!["selector"], w.PodLabels));
            Assert.True(selected == 1, $"Service {RenderedManifests.Name(service)} selects the pods of {selected} workloads");
        }
        foreach (var autoscaler in manifests.OfKind("HorizontalPodAutoscaler"))
        {
            var target = autoscaler["spec"]!["scaleTargetRef"]!;
            Assert.Contains(workloads, w => w.Kind == target["kind"]!.GetValue<string>() && w.Name == target["name"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_node_has_resources_and_its_health_endpoints_as_probes(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);

        foreach (var workload in manifests.Workloads)
        {
            var container = workload.Container;
            foreach (var bound in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.True(container["resources"]?[bound]?[resource] is not null, $"{workload.Kind} {workload.Name} has no {bound}.{resource}");
                }
            }
            var web = workload.Settings(SampleSecret).Web;
            Assert.True(web is not null, $"{workload.Kind} {workload.Name} serves no health endpoints");
            Assert.Equal(web.Endpoint.Port, workload.ContainerPort("web"));
            foreach (var (probe, path) in new[] { ("readinessProbe", "/healthz/ready"), ("livenessProbe", "/healthz/live") })
            {
                var get = container[probe]?["httpGet"];
                Assert.True(get is not null, $"{workload.Kind} {workload.Name} has no httpGet {probe}");
                Assert.Equal(path, get["path"]!.GetValue<string>());
                Assert.Equal("web", get["port"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void The_autoscale_overlay_scales_the_workers_on_the_queue_depth_the_coordinator_exports()
    {
        var manifests = RenderedManifests.Render("overlays/autoscale");
        var worker = manifests.WithRole("worker");

        var scaler = Assert.Single(manifests.OfKind("ScaledObject"));
        var target = scaler["spec"]!["scaleTargetRef"]!;
        Assert.Equal((worker.Kind, worker.Name), (target["kind"]!.GetValue<string>(), target["name"]!.GetValue<string>()));
        var trigger = Assert.Single(scaler["spec"]!["triggers"]!.AsArray())!;
        Assert.Equal("prometheus", trigger["type"]!.GetValue<string>());
        Assert.Contains("layernas_queue_trials", trigger["metadata"]!["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(worker.Settings(SampleSecret).Slots.ToString(System.Globalization.CultureInfo.InvariantCulture), trigger["metadata"]!["threshold"]!.GetValue<string>());
        Assert.Empty(manifests.OfKind("HorizontalPodAutoscaler"));
    }

    [Fact]
    public void The_base_holds_no_secret()
    {
        var manifests = RenderedManifests.Render("base");

        Assert.Empty(manifests.OfKind("Secret"));
        Assert.Empty(manifests.OfKind("ConfigMap"));
        foreach (var workload in manifests.Workloads)
        {
            foreach (var entry in workload.Env)
            {
                var name = entry["name"]!.GetValue<string>();
                var value = entry["value"]?.GetValue<string>();
                Assert.False(name is "LAYERNAS_TOKEN" or "LAYERNAS_DB" && value is not null, $"{workload.Name} sets {name} literally; it belongs in a Secret");
                Assert.False(value is not null && Password().IsMatch(value), $"{workload.Name} sets {name} to a value with a password");
            }
        }
        Assert.Null(manifests.WithRole("coordinator").LiteralEnv("LAYERNAS_TOKEN"));
        Assert.NotNull(manifests.WithRole("coordinator").EnvEntry("LAYERNAS_TOKEN")?["valueFrom"]?["secretKeyRef"]);
    }

    [Fact]
    public void The_dev_journal_is_a_SQLite_file_on_the_coordinators_own_volume()
    {
        var manifests = RenderedManifests.Render("overlays/dev");
        var coordinator = manifests.WithRole("coordinator");
        var node = coordinator.Settings(SampleSecret);

        Assert.True(node.Storage.IsSqlite);
        Assert.Null(coordinator.EnvEntry("LAYERNAS_DB"));
        var claims = coordinator.Resource["spec"]!["volumeClaimTemplates"]!.AsArray().Select(c => c!["metadata"]!["name"]!.GetValue<string>()).ToList();
        var workingDir = coordinator.Container["workingDir"]?.GetValue<string>();
        var mount = coordinator.Container["volumeMounts"]!.AsArray().Single(m => m!["mountPath"]!.GetValue<string>() == workingDir);
        Assert.Contains(mount!["name"]!.GetValue<string>(), claims);
    }

    [Fact]
    public void The_postgres_overlay_keeps_the_journal_in_PostgreSQL_from_a_secret()
    {
        var manifests = RenderedManifests.Render("overlays/postgres");
        var coordinator = manifests.WithRole("coordinator");

        Assert.Equal(StorageSettings.PostgreSqlProvider, coordinator.Settings(SampleSecret).Storage.ProviderName);
        var secretRef = coordinator.EnvEntry("LAYERNAS_DB")?["valueFrom"]?["secretKeyRef"];
        Assert.True(secretRef is not null, "LAYERNAS_DB must come from a Secret");
        var placeholder = manifests.SecretValue(secretRef["name"]!.GetValue<string>(), secretRef["key"]!.GetValue<string>());
        Assert.Equal(StorageSettings.PostgreSqlProvider, NodeSettings.StorageOf(placeholder.Trim()).ProviderName);
        Assert.Null(coordinator.Resource["spec"]!["volumeClaimTemplates"]);
    }

    [Fact]
    public void PyTorch_workers_run_the_PyTorch_image_and_the_coordinator_the_plain_one()
    {
        var manifests = RenderedManifests.Render("overlays/pytorch-workers");

        Assert.StartsWith("layernas-pytorch:", manifests.WithRole("worker").Container["image"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("layernas:", manifests.WithRole("coordinator").Container["image"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void PyTorch_workers_run_the_Fashion_MNIST_trainer_the_cluster_examples_name_without_trusting_clients()
    {
        var manifests = RenderedManifests.Render("overlays/pytorch-workers");
        var coordinator = manifests.WithRole("coordinator").Settings(SampleSecret);
        var worker = manifests.WithRole("worker").Settings(SampleSecret);
        var named = ClusterExamples().ToList();

        Assert.Contains("fashion-mnist-nats.json", named.Select(e => e.File));
        Assert.False(worker.Trainers.TrustsSpecCommands);
        Assert.False(coordinator.Trainers.TrustsSpecCommands);
        foreach (var (file, spec) in named)
        {
            // The coordinator takes the spec (it names a trainer), and the worker runs its registered command, not the spec's.
            coordinator.Files.Check(spec);
            var process = worker.Trainers.Resolve(spec.Trainer.Process, TrainerSlot.First);
            Assert.True(process.Command is ["/usr/bin/python3", var script] && File.Exists(Workload.OnThisMachine(script)),
                $"{file}: the worker runs {string.Join(' ', process.Command)}, not the Fashion-MNIST trainer the image holds");
            Assert.Equal("1", process.Env["OMP_NUM_THREADS"]);
            Assert.Equal(worker.Trainers.WorkingDirectory, process.WorkingDirectory);
        }
    }

    [Fact]
    public void Both_nodes_of_the_PyTorch_overlay_read_the_example_tables_inside_the_data_root_and_nothing_outside_it()
    {
        var manifests = RenderedManifests.Render("overlays/pytorch-workers");
        var examples = Path.GetDirectoryName(Examples.Path("burger.json"))!;

        foreach (var role in new[] { "coordinator", "worker" })
        {
            var workload = manifests.WithRole(role);
            Assert.Equal(Workload.ImageExamples, workload.LiteralEnv("LAYERNAS_DATA_ROOT"));
            var node = workload.Settings(SampleSecret);
            Assert.Equal(RealPath.Of(examples), node.Tables.Root);
            foreach (var name in new[] { "cnn-table.json", "fashion-mnist-size-table.json", "fashion-mnist-14px-table.json" })
            {
                var spec = SpecFile.Load(Examples.Path(name));
                node.Tables.Load(spec.Cost.Table.Path, spec.Cost.Table.Key);
                node.Tables.Load(spec.Trainer.Tabular.Path, spec.Trainer.Tabular.Key);
            }
            var outside = Assert.Throws<SpecException>(() => node.Tables.Load(Repository.File("README.md"), "arch"));
            Assert.Contains("outside the data root", outside.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_images_hold_the_examples_where_the_manifests_name_them()
    {
        var dockerfile = File.ReadAllLines(Repository.File(Path.Combine("deploy", "Dockerfile")));

        Assert.Contains($"COPY examples/ {Workload.ImageExamples}/", dockerfile);
    }

    /// <summary>The example specs meant for a cluster: those whose process trainer names a registered trainer.</summary>
    private static IEnumerable<(string File, SearchSpec Spec)> ClusterExamples() =>
        Directory.GetFiles(Path.GetDirectoryName(Examples.Path("burger.json"))!, "*.json")
            .Select(path => (File: Path.GetFileName(path), Spec: SpecFile.Load(path)))
            .Where(e => e.Spec.Trainer?.Process is { Name.Length: > 0 });

    private static string SampleSecret(string name, string key) => key switch
    {
        "token" => SampleToken,
        "connection-string" => SamplePostgres,
        _ => throw new InvalidOperationException($"the test has no sample for key {key} of Secret {name}"),
    };

    internal static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels) =>
        selector is JsonObject map && map.Count > 0 && map.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value!.GetValue<string>());

    /// <summary>
    /// The longest a node's coordinated shutdown can take, read from Akka's own configuration under the phase timeout a
    /// worker node adds: the slowest chain of shutdown phases, each running to its timeout.
    /// </summary>
    private static TimeSpan LongestCoordinatedShutdown()
    {
        var shutdown = ConfigurationFactory.ParseString(WorkerPoolHostingExtensions.ShutdownHocon(new WorkerPoolSettings()))
            .WithFallback(ConfigurationFactory.Default())
            .GetConfig("akka.coordinated-shutdown");
        var defaultTimeout = shutdown.GetTimeSpan("default-phase-timeout");
        var phases = shutdown.GetConfig("phases");
        var until = new Dictionary<string, TimeSpan>();
        TimeSpan Until(string name)
        {
            if (!until.TryGetValue(name, out var end))
            {
                var phase = phases.GetConfig(name);
                var timeout = phase is { IsEmpty: false } && phase.HasPath("timeout") ? phase.GetTimeSpan("timeout") : defaultTimeout;
                var after = phase is { IsEmpty: false } && phase.HasPath("depends-on") ? phase.GetStringList("depends-on") : [];
                end = timeout + after.Select(Until).DefaultIfEmpty(TimeSpan.Zero).Max();
                until[name] = end;
            }
            return end;
        }
        return phases.Root.GetObject().Items.Keys.Select(Until).Max();
    }

    [GeneratedRegex(@"password\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
