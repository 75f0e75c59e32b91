namespace LayerNas.Core.LayerNas;

/// <summary>Which option fills a layer that a prefix leaves open, when the layer names no default of its own.</summary>
public enum CompletionPolicy
{
    /// <summary>The layers of the most expensive architecture of the space, as the paper's setup does.</summary>
    MostExpensive,

    /// <summary>The layers of the cheapest architecture of the space.</summary>
    Cheapest,

    /// <summary>Each layer's first option.</summary>
    First,
}
