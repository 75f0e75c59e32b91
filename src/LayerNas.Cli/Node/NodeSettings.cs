using Akka.Actor;
using LayerNas.Cli.CommandLine;
using LayerNas.Cli.Hosting;
using LayerNas.Cli.Specs;
using LayerNas.Cluster;
using LayerNas.Cluster.Hosting;
using LayerNas.Node.Api;
using LayerNas.Trainers;
using LayerNas.Node.Web;

namespace LayerNas.Cli.Node;

/// <summary>The checked settings of a node: what it is, where it listens, whom it joins, what it stores.</summary>
/// <param name="Cluster">Cluster membership.</param>
/// <param name="Slots">Worker slots (worker nodes).</param>
/// <param name="Api">The gRPC API (coordinator nodes).</param>
/// <param name="Storage">The journal (coordinator nodes).</param>
/// <param name="LogsDirectory">Where process trainers write their logs (worker nodes).</param>
/// <param name="Web">The web endpoint: dashboard (coordinator nodes), metrics and health; null for a worker node told none.</param>
public sealed record NodeSettings(ClusterNodeSettings Cluster, int Slots, SearchApiSettings Api, StorageSettings Storage, string LogsDirectory, NodeWebSettings? Web)
{
    /// <summary>The cluster port of a node with the coordinator role unless told otherwise; workers take any free port.</summary>
    public const int DefaultCoordinatorPort = 4053;

    /// <summary>The journal of a coordinator node unless told otherwise.</summary>
    public const string DefaultDatabase = "layernas-coordinator.db";

    /// <summary>Where process trainers write their logs unless told otherwise.</summary>
    public const string DefaultLogs = "layernas-logs";

    /// <summary>Seconds of membership stability before unreachable nodes are downed, unless told otherwise.</summary>
    public const int DefaultStableAfterSeconds = 20;

    /// <summary>Seconds past a trial's timeout before a silent worker's lease expires, unless told otherwise.</summary>
    public const int DefaultLeaseGraceSeconds = 30;

    /// <summary>Time past a trial's own timeout before a silent worker's lease expires and the trial is tried elsewhere (coordinator nodes).</summary>
    public TimeSpan LeaseGrace { get; init; } = TimeSpan.FromSeconds(DefaultLeaseGraceSeconds);

    /// <summary>The process trainers the node's slots may run (worker nodes), and whether spec commands are trusted.</summary>
    public TrainerRegistry Trainers { get; init; } = new([], trustsSpecCommands: false, Directory.GetCurrentDirectory());

    /// <summary>The GPUs the node's slots are bound to, one each, or empty (worker nodes).</summary>
    public IReadOnlyList<string> Gpus { get; init; } = [];

    /// <summary>Which table files the node reads for specs.</summary>
    public TableAccess Tables { get; init; } = TableAccess.Nowhere;

    /// <summary>What the node reads and runs for the specs it is given.</summary>
    public NodeFiles Files => new(Tables, Trainers, Gpus);

    /// <summary>Whether the node runs the search manager, its coordinators and the API.</summary>
    public bool IsCoordinator => Cluster.Roles.Contains(ClusterRoles.Coordinator);

    /// <summary>Whether the node trains trials.</summary>
    public bool IsWorker => Cluster.Roles.Contains(ClusterRoles.Worker);

    /// <summary>
    /// Checks the options; throws <see cref="UsageException"/> with one line naming the first problem. Settings that do
    /// not apply to the node's role are refused when the command line gives them and ignored when they come from the
    /// environment or appsettings.json, which a whole cluster may share.
    /// </summary>
    public static NodeSettings From(NodeOptions options, IReadOnlySet<string> fromCommandLine)
    {
        string[] roles = (options.Role ?? "both").Trim().ToLowerInvariant() switch
        {
            "coordinator" => [ClusterRoles.Coordinator],
            "worker" => [ClusterRoles.Worker],
            "both" => [ClusterRoles.Coordinator, ClusterRoles.Worker],
            var other => throw new UsageException($"{Names(nameof(NodeOptions.Role))}: '{other}' is not coordinator, worker or both"),
        };
        var coordinator = roles.Contains(ClusterRoles.Coordinator);
        var worker = roles.Contains(ClusterRoles.Worker);
        RefuseOnCommandLine(fromCommandLine, coordinator ? [] : [nameof(NodeOptions.Api), nameof(NodeOptions.Db), nameof(NodeOptions.LeaseGrace)], "coordinator");
        RefuseOnCommandLine(fromCommandLine, worker ? [] : [nameof(NodeOptions.Slots), nameof(NodeOptions.Logs), nameof(NodeOptions.Trainers), nameof(NodeOptions.Gpus)], "worker");

        var port = options.Port ?? (coordinator ? DefaultCoordinatorPort : 0);
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Port))}: {port} is not a port from 0 to 65535");
        }
        var seeds = (options.Seeds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Seed).ToArray();
        if (!coordinator && seeds.Length == 0)
        {
            throw new UsageException($"a worker node needs a seed: the coordinator's address, like --seed akka.tcp://{ClusterHostingExtensions.SystemName}@127.0.0.1:{DefaultCoordinatorPort}");
        }
        var gpus = worker ? GpuList(options.Gpus) : [];
        var slots = options.Slots ?? Math.Max(1, gpus.Count);
        if (slots is < 1 or > 4096)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Slots))}: {slots} is not a number of slots from 1 to 4096");
        }
        if (gpus.Count > 0 && slots != gpus.Count)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Gpus))}: {gpus.Count} GPUs give {gpus.Count} slots, one each, but {Names(nameof(NodeOptions.Slots))} asks for {slots}");
        }
        var trust = options.TrustClients ?? false;
        var registered = worker ? TrainerRegistrations.Parse((options.Trainers ?? "").Split('\n'), Names(nameof(NodeOptions.Trainers))) : [];
        if (gpus.Count == 0 && registered.FirstOrDefault(t => t.UsesGpu) is { } gpuTrainer)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Trainers))}: trainer '{gpuTrainer.Name}' uses {{gpu}}, but the node names no GPUs ({Names(nameof(NodeOptions.Gpus))})");
        }
        var tables = NonEmpty(options.DataRoot, nameof(NodeOptions.DataRoot)) is { } root
            ? DataRoot(root)
            : trust ? TableAccess.Anywhere : TableAccess.Nowhere;
        var stableAfter = options.StableAfter ?? DefaultStableAfterSeconds;
        if (stableAfter is < 1 or > 3600)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.StableAfter))}: {stableAfter} is not a number of seconds from 1 to 3600");
        }
        var leaseGrace = options.LeaseGrace ?? DefaultLeaseGraceSeconds;
        if (leaseGrace is < 0 or > 86400)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.LeaseGrace))}: {leaseGrace} is not a number of seconds from 0 to 86400");
        }
        var cluster = new ClusterNodeSettings
        {
            SplitBrainStableAfter = TimeSpan.FromSeconds(stableAfter),
            Hostname = NonEmpty(options.Host, nameof(NodeOptions.Host)) ?? "127.0.0.1",
            Port = port,
            PublicHostname = NonEmpty(options.PublicHost, nameof(NodeOptions.PublicHost)),
            Roles = roles,
            SeedNodes = seeds,
        };
        var api = new SearchApiSettings { Token = NonEmpty(options.Token, nameof(NodeOptions.Token)) };
        if (api.Token is { } token && token.Any(char.IsWhiteSpace))
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Token))}: a token cannot contain spaces");
        }
        var web = NonEmpty(options.Dashboard, nameof(NodeOptions.Dashboard)) is { } dashboard ? WebOf(dashboard, api.Token)
            : coordinator ? new NodeWebSettings { Endpoint = DefaultWebEndpoint.Pick(), Token = api.Token }
            : null;
        if (coordinator)
        {
            try
            {
                api.Endpoint = ApiEndpoint.Parse(options.Api ?? ApiEndpoint.DefaultUrl);
            }
            catch (FormatException e)
            {
                throw new UsageException($"{Names(nameof(NodeOptions.Api))}: {e.Message}");
            }
            if (!api.Endpoint.IsLoopback && api.Token is null)
            {
                throw new UsageException($"the API at {options.Api} is reachable beyond this machine, so it needs a bearer token: give one with --token or LAYERNAS_TOKEN");
            }
        }
        var storage = coordinator
            ? StorageOf(NonEmpty(options.Db, nameof(NodeOptions.Db)) ?? DefaultDatabase)
            : StorageSettings.SqliteFile(DefaultDatabase);
        return new NodeSettings(cluster, slots, api, storage, Path.GetFullPath(NonEmpty(options.Logs, nameof(NodeOptions.Logs)) ?? DefaultLogs), web)
        {
            LeaseGrace = TimeSpan.FromSeconds(leaseGrace),
            Trainers = new TrainerRegistry(registered, trust, Directory.GetCurrentDirectory()),
            Gpus = gpus,
            Tables = tables,
        };
    }

    private static IReadOnlyList<string> GpuList(string? list)
    {
        var gpus = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (gpus.FirstOrDefault(g => !g.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.')) is { } bad)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Gpus))}: '{bad}' is not a GPU index or id");
        }
        if (gpus.GroupBy(g => g, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Gpus))}: GPU '{twice.Key}' is named twice");
        }
        return gpus;
    }

    private static TableAccess DataRoot(string root)
    {
        try
        {
            return TableAccess.Inside(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.DataRoot))}: {e.Message}");
        }
    }

    /// <summary>The journal <c>--db</c> names (see <see cref="StorageSettings.Parse"/>); a bad value is a <see cref="UsageException"/>.</summary>
    public static StorageSettings StorageOf(string db)
    {
        try
        {
            return StorageSettings.Parse(db);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Db))}: {e.Message}");
        }
    }

    /// <summary>The web endpoint at <paramref name="url"/> (none for null), behind <paramref name="token"/>, which it must have beyond loopback; a bad URL is a <see cref="UsageException"/>.</summary>
    private static NodeWebSettings? WebOf(string? url, string? token)
    {
        if (url is null)
        {
            return null;
        }
        NodeWebSettings web;
        try
        {
            web = new NodeWebSettings { Endpoint = ApiEndpoint.Parse(url, "dashboard URL"), Token = token };
        }
        catch (FormatException e)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Dashboard))}: {e.Message}");
        }
        return web.Endpoint.IsLoopback || token is not null
            ? web
            : throw new UsageException($"the dashboard at {url} is reachable beyond this machine, so it needs a bearer token: give one with --token or LAYERNAS_TOKEN");
    }

    /// <summary>The database in words, without its password: a file path, or PostgreSQL's user, host and database.</summary>
    public string DescribeStorage() => Storage.Describe();

    private static string Seed(string seed)
    {
        if (!Address.TryParse(seed, out var address) || address.Host is null || address.Port is null)
        {
            throw new UsageException($"{Names(nameof(NodeOptions.Seeds))}: '{seed}' is not a node address like akka.tcp://{ClusterHostingExtensions.SystemName}@127.0.0.1:{DefaultCoordinatorPort}");
        }
        return address.System == ClusterHostingExtensions.SystemName
            ? seed
            : throw new UsageException($"{Names(nameof(NodeOptions.Seeds))}: '{seed}' names the actor system '{address.System}', but every node's is '{ClusterHostingExtensions.SystemName}'");
    }

    private static void RefuseOnCommandLine(IReadOnlySet<string> fromCommandLine, string[] keys, string role)
    {
        if (keys.FirstOrDefault(fromCommandLine.Contains) is { } key)
        {
            throw new UsageException($"option {Flag(key)} applies to nodes with the {role} role only");
        }
    }

    private static string? NonEmpty(string? value, string key) => value switch
    {
        null => null,
        _ when value.Trim().Length == 0 => throw new UsageException($"{Names(key)} is empty"),
        _ => value.Trim(),
    };

    private static string Names(string key) => NodeSetting.All.Single(s => s.Key == key).Names;

    private static string Flag(string key) => NodeSetting.All.Single(s => s.Key == key).Flag;
}
