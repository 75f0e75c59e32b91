namespace LayerNas.Core.LayerNas;

/// <summary>How a prefix is completed for training; a layer that names its own default option always keeps it.</summary>
public enum CompletionPolicy
{
    /// <summary>The layers of the most expensive architecture of the space, as the paper's setup does.</summary>
    MostExpensive,

    /// <summary>The layers of the cheapest architecture of the space.</summary>
    Cheapest,

    /// <summary>Each layer's first option.</summary>
    First,

    /// <summary>The prefix's dearest completion inside the target (<see cref="FeasibleCompletion"/>); most-expensive where it has none.</summary>
    Feasible,
}
