using LayerNas.Cluster.Metrics;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Workers;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Hosting;

/// <summary>Everything that makes a node what it is: its membership and roles, and what each role needs.</summary>
public sealed record LayerNasNodeSettings
{
    /// <summary>Where the node listens, whom it joins and which roles it takes.</summary>
    public required ClusterNodeSettings Cluster { get; init; }

    /// <summary>The journal (coordinator role).</summary>
    public StorageSettings? Storage { get; init; }

    /// <summary>Turns a spec into the objects that search it, reading its tables from this node's disk (coordinator role).</summary>
    public Func<SearchSpec, CompiledSearch>? Compile { get; init; }

    /// <summary>The search manager, its coordinators and its dispatcher (coordinator role).</summary>
    public SearchManagerSettings Manager { get; init; } = new();

    /// <summary>The worker pool (worker role).</summary>
    public WorkerPoolSettings Workers { get; init; } = new();

    /// <summary>Builds a search's trainer for a worker slot (worker role).</summary>
    public TrainerProvider? Trainers { get; init; }

    /// <summary>Where the node's actors record their metrics; a host that exports them gives the node its own.</summary>
    public LayerNasMetrics Metrics { get; init; } = new();

    /// <summary>The least severe Akka log events the node passes to its logger factory.</summary>
    public Akka.Event.LogLevel LogLevel { get; init; } = Akka.Event.LogLevel.InfoLevel;

    /// <summary>Whether the node runs the search manager, its coordinators and the journal.</summary>
    public bool IsCoordinator => Cluster.Roles.Contains(ClusterRoles.Coordinator);

    /// <summary>Whether the node trains trials.</summary>
    public bool IsWorker => Cluster.Roles.Contains(ClusterRoles.Worker);
}
