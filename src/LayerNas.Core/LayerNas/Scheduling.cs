namespace LayerNas.Core.LayerNas;

/// <summary>When LayerNAS expands a depth's kept prefixes into the next depth's children.</summary>
/// <remarks>Both give the same memo tables, result and set of trained architectures; they differ only in when trials become ready.</remarks>
public enum Scheduling
{
    /// <summary>A cost bucket's winners are expanded as soon as the bucket is settled, while the rest of its depth still trains.</summary>
    Pipelined,

    /// <summary>A depth is expanded only once every child of the previous depth is settled.</summary>
    Barrier,
}
