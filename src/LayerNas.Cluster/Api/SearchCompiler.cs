using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Api;

/// <summary>How a node turns a spec into the objects that search it (reading its tables from this node's disk); throws for a spec that cannot be searched.</summary>
public sealed class SearchCompiler(Func<SearchSpec, CompiledSearch> compile)
{
    /// <summary>Compiles the spec, or throws with a one-line reason.</summary>
    public CompiledSearch Compile(SearchSpec spec) => compile(spec);
}
