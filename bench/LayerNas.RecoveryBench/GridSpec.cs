using LayerNas.Protocol.V1;

namespace LayerNas.RecoveryBench;

/// <summary>The harnesses' search: a grid over 6 layers × 7 options costing 1–7 (117,649 architectures), trained by the synthetic trainer at no cost.</summary>
internal static class GridSpec
{
    public static SearchSpec Create(string name)
    {
        var spec = new SearchSpec
        {
            Name = name,
            Cost = new CostModel { Additive = new AdditiveCost() },
            Strategy = new Strategy { Grid = new GridSettings() },
            Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = 1 } },
        };
        for (var layer = 0; layer < 6; layer++)
        {
            spec.Layers.Add(new Layer { Name = $"l{layer}", Options = { Enumerable.Range(0, 7).Select(o => new LayerOption { Name = $"o{o}", Cost = o + 1 }) } });
        }
        return spec;
    }
}
