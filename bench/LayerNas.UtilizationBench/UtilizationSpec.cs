using LayerNas.Protocol.V1;

namespace LayerNas.UtilizationBench;

/// <summary>The measured search: LayerNAS over an additive space, trained by the synthetic trainer in a time that grows with cost.</summary>
internal static class UtilizationSpec
{
    public static SearchSpec Create(UtilizationOptions options, string scheduling, string name)
    {
        var spec = new SearchSpec
        {
            Name = name,
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = options.Min, Max = options.Max },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = options.Buckets, KeepPerBucket = 1, Scheduling = scheduling } },
            Trainer = new Trainer
            {
                Synthetic = new SyntheticTrainer { Seed = 1, Seconds = options.Seconds, SecondsPerCost = options.SecondsPerCost, Jitter = options.Jitter },
            },
        };
        for (var layer = 0; layer < options.Layers; layer++)
        {
            spec.Layers.Add(new Layer
            {
                Name = $"l{layer}",
                Options = { Enumerable.Range(1, options.Options).Select(o => new LayerOption { Name = $"o{o}", Cost = o * options.Step }) },
            });
        }
        return spec;
    }
}
