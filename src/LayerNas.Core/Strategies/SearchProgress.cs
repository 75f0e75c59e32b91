namespace LayerNas.Core.Strategies;

/// <summary>
/// Where a strategy stands: stage (LayerNAS: depth) of stages, evaluations done of those planned in it, and the pass
/// (LayerNAS under a trial budget runs its layered search more than once, widening it; 1 for every other strategy).
/// </summary>
public readonly record struct SearchProgress(int Stage, int Stages, int Done, int Total, int Pass = 1);
