using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>What a search's status says of its spec, whoever answers for it (the search manager or the search's ledger).</summary>
public static class SearchStatuses
{
    /// <summary>A status naming the search, its layers, its strategy and its cost target; its state and progress are the answerer's to fill.</summary>
    public static SearchStatus Of(string searchId, SearchSpec spec)
    {
        var target = SpaceBuilder.Target(spec);
        return new SearchStatus
        {
            SearchId = searchId,
            Name = spec.Name,
            LayerNames = { spec.Layers.Select(l => l.Name) },
            Strategy = StrategyName(spec),
            TargetMin = target.Min,
            TargetMax = target.Max,
        };
    }

    /// <summary>The strategy a spec asks for, by the name its strategy section gives it ("layernas", "random", …).</summary>
    public static string StrategyName(SearchSpec spec) =>
        spec.Strategy is { KindCase: not Strategy.KindOneofCase.None } strategy
            ? Strategy.Descriptor.FindFieldByNumber((int)strategy.KindCase).JsonName
            : "";
}
