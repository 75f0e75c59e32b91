using LayerNas.Core.Specs;
using LayerNas.Core.Synthetic;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Ledger;

/// <summary>Searches for the ledger tests: the burger, and random specs over every strategy.</summary>
internal static class LedgerSpecs
{
    /// <summary>The post's burger; by default searched as the paper does (dearest completions, depth by depth), so its trials are known by heart.</summary>
    public static CompiledSearch Burger(Strategy? strategy = null)
    {
        var spec = new SearchSpec
        {
            Name = "burger",
            Layers =
            {
                Layer("bun", ("plain", 1), ("sesame", 2), ("brioche", 3), ("pretzel", 4)),
                Layer("patty", ("bean", 1), ("chicken", 2), ("beef", 3), ("wagyu", 4)),
                Layer("topping", ("lettuce", 1), ("cheddar", 2), ("bacon", 3), ("truffle", 4)),
            },
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = 7, Max = 9 },
            Strategy = strategy ?? new Strategy { Layernas = new LayerNasSettings { Buckets = 4, KeepPerBucket = 1, Completion = "most-expensive", Scheduling = "barrier" } },
            Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = 1 } },
        };
        return SearchFactory.Compile(spec, Specs.SpecJson.NoTables);
    }

    /// <summary>A random additive space with a target that some architecture reaches, searched by a random strategy.</summary>
    public static CompiledSearch Random(Random random)
    {
        var layers = random.Next(2, 5);
        var spec = new SearchSpec { Name = "random", Cost = new CostModel { Additive = new AdditiveCost() }, Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = (ulong)random.Next() } } };
        for (var l = 0; l < layers; l++)
        {
            spec.Layers.Add(Layer($"l{l}", [.. Enumerable.Range(0, random.Next(2, 6)).Select(o => ($"o{o}", (double)random.Next(1, 10)))]));
        }
        var cheapest = spec.Layers.Sum(l => l.Options.Min(o => o.Cost));
        var dearest = spec.Layers.Sum(l => l.Options.Max(o => o.Cost));
        var low = cheapest + random.NextDouble() * (dearest - cheapest) / 2;
        spec.Target = new Target { Min = Math.Floor(low), Max = Math.Ceiling(low + (dearest - cheapest) / 3) + 1 };
        var seed = (ulong)random.Next();
        spec.Strategy = random.Next(5) switch
        {
            0 or 1 => new Strategy
            {
                Layernas = new LayerNasSettings
                {
                    Buckets = random.Next(1, 7),
                    KeepPerBucket = random.Next(1, 3),
                    Completion = random.Next(2) == 0 ? "feasible" : "most-expensive",
                    Scheduling = random.Next(2) == 0 ? "pipelined" : "barrier",
                },
            },
            2 => new Strategy { Grid = new GridSettings() },
            3 => new Strategy { Evolution = new EvolutionSettings { Population = 4, SampleSize = 2, Batch = 3 }, Seed = seed, MaxTrials = random.Next(5, 30) },
            _ => new Strategy { Reinforce = new ReinforceSettings { Batch = 3 }, Seed = seed, MaxTrials = random.Next(5, 30) },
        };
        try
        {
            return SearchFactory.Compile(spec, Specs.SpecJson.NoTables);
        }
        catch (SpecException)
        {
            // The random target missed every architecture: widen it to all of them.
            spec.Target = new Target { Min = cheapest, Max = dearest };
            return SearchFactory.Compile(spec, Specs.SpecJson.NoTables);
        }
    }

    /// <summary>What training an architecture yields in the tests: the synthetic reward, or a failure for some architectures.</summary>
    public static TrialResult Result(CompiledSearch search, long trialNumber, IReadOnlyList<int> architecture, string worker, int attempt = 1)
    {
        var result = new TrialResult { LeaseId = $"lease-{trialNumber}-{attempt}-{worker}", SearchId = "s", TrialNumber = trialNumber, Attempt = attempt, Worker = worker, Seconds = 0.25 };
        if (architecture.Sum() % 7 == 3)
        {
            result.FailureReason = $"no luck with {string.Join(':', architecture)}";
        }
        else
        {
            var reward = new SyntheticReward(search.Spec.Trainer.Synthetic.Seed).Reward(search.Problem.Space, new([.. architecture]));
            result.Outcome = new TrainingOutcome { Reward = reward, Metrics = { ["test_acc"] = reward / 2 } };
        }
        return result;
    }

    private static Layer Layer(string name, params (string Name, double Cost)[] options) =>
        new() { Name = name, Options = { options.Select(o => new LayerOption { Name = o.Name, Cost = o.Cost }) } };
}
