namespace LayerNas.Core.LayerNas;

/// <summary>How LayerNAS sizes its first pass under a trial budget (docs/scheduling.md compares the two).</summary>
public enum FirstPass
{
    /// <summary>The spec's H and K, cut by the budget when their worst case does not fit it.</summary>
    Spec,

    /// <summary>H, then K, lowered until the pass's worst case fits the budget, so the whole layered search runs.</summary>
    Fit,
}
