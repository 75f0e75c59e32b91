using LayerNas.Cli.CommandLine;
using LayerNas.Node.Api;
using LayerNas.Trainers;
using LayerNas.Node.Web;

namespace LayerNas.Cli.Node;

/// <summary>One setting of <c>layernas node</c> and the three names it goes by.</summary>
/// <param name="Key">The property of <see cref="NodeOptions"/> and the key in the <c>LayerNas</c> section of appsettings.json.</param>
/// <param name="Flag">The command-line option.</param>
/// <param name="Environment">The environment variable.</param>
/// <param name="HelpName">What the value is, as help shows it.</param>
/// <param name="Description">What the setting does and its default, as help shows it.</param>
/// <param name="IsNumber">Whether the value is a whole number.</param>
/// <param name="IsSwitch">Whether the setting is on or off: a flag without a value on the command line, <c>true</c> or <c>false</c> elsewhere.</param>
/// <param name="IsList">Whether the command line may repeat it, each value one entry of the list (a comma or line list elsewhere).</param>
public sealed record NodeSetting(string Key, string Flag, string Environment, string HelpName, string Description, bool IsNumber = false, bool IsSwitch = false, bool IsList = false)
{
    /// <summary>Every setting, in the order help lists them.</summary>
    public static IReadOnlyList<NodeSetting> All { get; } =
    [
        new(nameof(NodeOptions.Role), "--role", "LAYERNAS_ROLE", "coordinator|worker|both",
            "what the node runs: the search manager, its journal and the API; worker slots; or both [default: both]"),
        new(nameof(NodeOptions.Host), "--host", "LAYERNAS_HOST", "H", "the address the cluster transport binds [default: 127.0.0.1]"),
        new(nameof(NodeOptions.Port), "--port", "LAYERNAS_PORT", "P",
            $"the cluster port; 0 picks a free one [default: {NodeSettings.DefaultCoordinatorPort} with the coordinator role, else 0]", IsNumber: true),
        new(nameof(NodeOptions.PublicHost), "--public-host", "LAYERNAS_PUBLIC_HOST", "H",
            "the address other nodes reach this one at, when it is not the bound one (a pod IP, a NAT)"),
        new(nameof(NodeOptions.Seeds), "--seed", "LAYERNAS_SEEDS", "akka.tcp://layernas@H:P",
            "a node to join, such as the coordinator; repeat it for several (the environment and appsettings.json take a comma list); without one, the node forms its own cluster", IsList: true),
        new(nameof(NodeOptions.Slots), "--slots", "LAYERNAS_SLOTS", "N", "worker slots: trials the node trains at once, 1 to 4096 [default: 1]", IsNumber: true),
        new(nameof(NodeOptions.Api), "--api", "LAYERNAS_API", "http://IP:PORT",
            $"where the coordinator serves its gRPC API; beyond loopback it needs --token [default: {ApiEndpoint.DefaultUrl}]"),
        new(nameof(NodeOptions.Dashboard), "--dashboard", "LAYERNAS_DASHBOARD", "http://IP:PORT",
            $"where the node serves the dashboard (coordinator), /metrics and /healthz; beyond loopback the dashboard and /metrics need --token [default: {NodeWebSettings.DefaultUrl} or the next free port on a coordinator, none on a worker]"),
        new(nameof(NodeOptions.Db), "--db", "LAYERNAS_DB", "SQLITE-FILE|POSTGRESQL",
            $"the coordinator's journal: a SQLite file, or a PostgreSQL connection string or postgresql:// URL [default: {NodeSettings.DefaultDatabase}]"),
        new(nameof(NodeOptions.Token), "--token", "LAYERNAS_TOKEN", "T", "the bearer token every API call, the dashboard and /metrics must carry"),
        new(nameof(NodeOptions.Logs), "--logs", "LAYERNAS_LOGS", "DIR", $"where process trainers write their logs [default: {NodeSettings.DefaultLogs}]"),
        new(nameof(NodeOptions.StableAfter), "--stable-after", "LAYERNAS_STABLE_AFTER", "SECONDS",
            $"how long membership must be stable before unreachable nodes are downed, 1 to 3600 [default: {NodeSettings.DefaultStableAfterSeconds}]", IsNumber: true),
        new(nameof(NodeOptions.LeaseGrace), "--lease-grace", "LAYERNAS_LEASE_GRACE", "SECONDS",
            $"time past a trial's timeout before a silent worker's lease expires, 0 to 86400 [default: {NodeSettings.DefaultLeaseGraceSeconds}]", IsNumber: true),
        new(nameof(NodeOptions.Trainers), "--trainer", "LAYERNAS_TRAINERS", "NAME=COMMAND",
            TrainerRegistrations.Description + " (the environment and appsettings.json take one per line, or a list in appsettings.json)", IsList: true),
        new(nameof(NodeOptions.Gpus), "--gpus", "LAYERNAS_GPUS", "ID,ID,…",
            $"GPUs to train on, one worker slot each: slot i's trainers get {TrainerSlot.GpuVariable} set to the i-th"),
        new(nameof(NodeOptions.DataRoot), "--data-root", "LAYERNAS_DATA_ROOT", "DIR",
            "the folder the tables specs name are read from: relative paths resolve inside it, paths leading out of it are refused [default: none, so no tables]"),
        new(nameof(NodeOptions.TrustClients), "--trust-clients", "LAYERNAS_TRUST_CLIENTS", "",
            "trust every API client with the nodes' machines: specs may run any command on the workers and read tables anywhere; for a single user's own cluster only", IsSwitch: true),
    ];

    /// <summary>The key in the configuration ("LayerNas:Port").</summary>
    public string ConfigurationKey => $"{NodeOptions.Section}:{Key}";

    /// <summary>How a user can find the setting, for error messages.</summary>
    public string Names => $"{Flag} / {Environment} / {ConfigurationKey}";
}
