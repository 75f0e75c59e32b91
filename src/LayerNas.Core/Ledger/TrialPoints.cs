using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>A ledger's trained trials as chart points (trial number, cost, reward), in the order it settled them.</summary>
/// <remarks>Settlement order only ever grows at its end, so a reader fetches the points once and then only what is new.</remarks>
public static class TrialPoints
{
    /// <summary>Settled trials per page: some 20 bytes of points each, so a page stays far below a remote message's size limit.</summary>
    public const int PageSize = 4096;

    /// <summary>The trained trials among the settled trials from <paramref name="offset"/> (clamped) on, at most a page of them.</summary>
    public static SearchTrialPoints Page(SearchLedger ledger, int offset)
    {
        var applied = ledger.Applied;
        var start = Math.Clamp(offset, 0, applied.Count);
        var end = Math.Min(applied.Count, start + PageSize);
        var page = new SearchTrialPoints { SearchId = ledger.SearchId, Offset = start, NextOffset = end, Total = applied.Count };
        for (var i = start; i < end; i++)
        {
            if (applied[i].Trial is { Outcome: { } outcome } trial)
            {
                page.TrialNumbers.Add(trial.Number);
                page.Costs.Add(trial.Cost);
                page.Rewards.Add(outcome.Reward);
            }
        }
        return page;
    }
}
