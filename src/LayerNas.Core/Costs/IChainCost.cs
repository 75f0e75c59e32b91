namespace LayerNas.Core.Costs;

/// <summary>
/// A cost model whose cost is a chain over the layers: a fixed start, then one term per layer that depends on the
/// layer's option and on the state the previous layer left, with exact bounds on what every suffix can add. A prefix
/// extended by one layer is then priced from the prefix's own figures in constant time.
/// </summary>
/// <remarks>
/// For a prefix (a_1 … a_d) with states s_0 = 0 and s_i = State(i − 1, a_i), its completion bounds are
/// Start + Σ_i Step(i − 1, s_{i−1}, a_i) + Suffix(d, s_d), summed in that order, exactly as the model's
/// <see cref="ICostModel.CompletionBounds"/>; for a complete architecture both bounds are its cost.
/// </remarks>
public interface IChainCost
{
    /// <summary>What every architecture costs before its first layer.</summary>
    double Start { get; }

    /// <summary>The state an option of a layer leaves for the next layer's term.</summary>
    int State(int layer, int option);

    /// <summary>What a layer adds with an option, entered in a state (0 for the first layer).</summary>
    double Step(int layer, int state, int option);

    /// <summary>The cheapest and dearest amount layers <paramref name="depth"/> … L − 1 and whatever follows them add, entered in a state.</summary>
    CostBounds Suffix(int depth, int state);
}
