using LayerNas.Protocol.V1;

namespace LayerNas.Node.Api;

/// <summary>Validates a submitted spec on this node (reading its tables from this node's disk); throws <see cref="Core.Specs.SpecException"/> naming the first problem.</summary>
public delegate void SpecCheck(SearchSpec spec);
