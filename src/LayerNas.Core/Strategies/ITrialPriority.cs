using LayerNas.Core.Space;

namespace LayerNas.Core.Strategies;

/// <summary>A strategy that ranks its pending proposals for training: workers take the lowest priority first.</summary>
/// <remarks>Priorities only order dispatch; a result never depends on them.</remarks>
public interface ITrialPriority
{
    /// <summary>The dispatch priority of a proposed architecture that awaits its result; lower is trained sooner.</summary>
    double Priority(Architecture architecture);
}
