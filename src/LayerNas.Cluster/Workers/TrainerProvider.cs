using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Workers;

/// <summary>
/// Builds the trainer a worker slot uses for a search, from the search's effective spec (its trainer section and
/// layers); <paramref name="slot"/> is the slot's index on its node (0 to slots − 1), which the node may bind to a device.
/// </summary>
public delegate ITrainer TrainerProvider(SearchSpec spec, int slot);
