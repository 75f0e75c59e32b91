namespace LayerNas.Core.Space;

/// <summary>One option of a layer and the cost it adds under the additive cost model.</summary>
public sealed record LayerOption(string Name, double Cost);
