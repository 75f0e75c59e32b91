namespace LayerNas.Core.Search;

/// <summary>Orders trained trials best first: higher reward, then lower cost, then the architecture's canonical order.</summary>
/// <remarks>Every "best" of the system (a result's answer, the best so far that progress shows) ranks by this one order.</remarks>
public sealed class SettledRanking : IComparer<SettledTrial>
{
    /// <summary>The one instance.</summary>
    public static readonly SettledRanking Instance = new();

    private SettledRanking()
    {
    }

    /// <inheritdoc />
    public int Compare(SettledTrial? x, SettledTrial? y)
    {
        var byReward = y!.Outcome!.Reward.CompareTo(x!.Outcome!.Reward);
        if (byReward != 0)
        {
            return byReward;
        }
        var byCost = x.Cost.CompareTo(y.Cost);
        return byCost != 0 ? byCost : x.Architecture.CompareTo(y.Architecture);
    }
}
