namespace LayerNas.Core.Strategies;

/// <summary>Where a strategy stands: stage (LayerNAS: depth) of stages, and evaluations done of those planned in it.</summary>
public readonly record struct SearchProgress(int Stage, int Stages, int Done, int Total);
