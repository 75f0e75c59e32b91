namespace LayerNas.Core.LayerNas;

/// <summary>How one depth of a LayerNAS search went: children made, pruned, evaluated, failed and kept.</summary>
public sealed class DepthStatistics(int depth)
{
    /// <summary>The depth, 1-based.</summary>
    public int Depth { get; } = depth;

    /// <summary>Children made by expanding the previous depth's kept prefixes.</summary>
    public int Children { get; internal set; }

    /// <summary>Children dropped untrained because no completion can reach the target.</summary>
    public int Pruned { get; internal set; }

    /// <summary>Children whose completion was trained or answered from the trial cache.</summary>
    public int Evaluated { get; internal set; }

    /// <summary>Children whose trial failed for good.</summary>
    public int Failed { get; internal set; }

    /// <summary>Prefixes the depth's memo table kept.</summary>
    public int Kept { get; internal set; }
}
