using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Workers;

/// <summary>Builds the trainer a worker slot uses for a search, from the search's effective spec (its trainer section and layers).</summary>
public delegate ITrainer TrainerProvider(SearchSpec spec);
