namespace LayerNas.Cli.Node;

/// <summary>
/// The settings of <c>layernas node</c> as configuration holds them: the <c>LayerNas</c> section of
/// <c>appsettings.json</c>, overridden by <c>LAYERNAS_*</c> environment variables, overridden by the command line.
/// <see cref="NodeSettings.From"/> checks them.
/// </summary>
public sealed class NodeOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "LayerNas";

    /// <summary>"coordinator", "worker" or "both".</summary>
    public string? Role { get; set; }

    /// <summary>The address the cluster transport binds.</summary>
    public string? Host { get; set; }

    /// <summary>The cluster port; 0 picks a free one.</summary>
    public int? Port { get; set; }

    /// <summary>The address other nodes reach this one at, when it differs from <see cref="Host"/> (a pod IP, a NAT).</summary>
    public string? PublicHost { get; set; }

    /// <summary>Comma-separated addresses of nodes to join (akka.tcp://layernas@HOST:PORT).</summary>
    public string? Seeds { get; set; }

    /// <summary>Worker slots: trials this node trains at once.</summary>
    public int? Slots { get; set; }

    /// <summary>The gRPC API's URL (coordinator nodes).</summary>
    public string? Api { get; set; }

    /// <summary>The web endpoint's URL: the dashboard (coordinator nodes), <c>/metrics</c> and <c>/healthz</c>.</summary>
    public string? Dashboard { get; set; }

    /// <summary>The journal: a SQLite file path or a PostgreSQL connection string (coordinator nodes).</summary>
    public string? Db { get; set; }

    /// <summary>The bearer token the API, the dashboard and <c>/metrics</c> require; mandatory when any of them is reachable beyond this machine.</summary>
    public string? Token { get; set; }

    /// <summary>Where process trainers write their per-trial logs (worker nodes).</summary>
    public string? Logs { get; set; }

    /// <summary>Seconds cluster membership must be stable before the split-brain resolver downs unreachable nodes.</summary>
    public int? StableAfter { get; set; }

    /// <summary>Seconds past a trial's timeout before a silent worker's lease expires (coordinator nodes).</summary>
    public int? LeaseGrace { get; set; }

    /// <summary>Process trainers specs may run by name, one <c>NAME=COMMAND</c> per line (worker nodes).</summary>
    public string? Trainers { get; set; }

    /// <summary>Comma-separated GPUs, one worker slot bound to each (worker nodes).</summary>
    public string? Gpus { get; set; }

    /// <summary>The folder inside which the tables specs name are read.</summary>
    public string? DataRoot { get; set; }

    /// <summary>Whether API clients are trusted with the nodes' machines: specs may then run any command and read any table.</summary>
    public bool? TrustClients { get; set; }
}
