using LayerNas.Protocol.V1;

namespace LayerNas.ThroughputBench;

/// <summary>The benchmark's search: LayerNAS over a wide additive space, trained by the synthetic trainer at no cost.</summary>
internal static class BenchSpec
{
    public static SearchSpec Create(BenchOptions options, string name)
    {
        var spec = new SearchSpec
        {
            Name = name,
            Cost = new CostModel { Additive = new AdditiveCost() },
            // The middle of the cost range, so pruning leaves most children to train.
            Target = new Target { Min = options.Layers * options.Options * 0.3, Max = options.Layers * options.Options * 0.7 },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = options.Buckets, KeepPerBucket = 1 } },
            Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = 1, Seconds = 0 } },
        };
        for (var layer = 0; layer < options.Layers; layer++)
        {
            spec.Layers.Add(new Layer
            {
                Name = $"l{layer}",
                Options = { Enumerable.Range(1, options.Options).Select(cost => new LayerOption { Name = $"o{cost}", Cost = cost }) },
            });
        }
        return spec;
    }
}
