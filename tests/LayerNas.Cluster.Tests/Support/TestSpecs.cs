using LayerNas.Core.Costs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>Specs of additive LayerNAS searches and a compiler for them, so actor tests need no spec front end.</summary>
internal static class TestSpecs
{
    public static SearchSpec Burger(string name = "burger") => Additive(name, 4, 7, 9,
        ("bun", ["plain", "sesame", "brioche", "pretzel"]),
        ("patty", ["bean", "chicken", "beef", "wagyu"]),
        ("topping", ["lettuce", "cheddar", "bacon", "truffle"]));

    /// <summary>A space of <paramref name="layers"/> layers of <paramref name="options"/> options costing 1…options, with a target that keeps most of it.</summary>
    public static SearchSpec Grid(string name, int layers, int options, int buckets) => Additive(
        name, buckets, layers * options * 0.3, layers * options * 0.7,
        [.. Enumerable.Range(0, layers).Select(l => ($"l{l}", Enumerable.Range(0, options).Select(o => $"o{o}").ToArray()))]);

    public static SearchSpec Additive(string name, int buckets, double min, double max, params (string Layer, string[] Options)[] layers)
    {
        var spec = new SearchSpec
        {
            Name = name,
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = min, Max = max },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = buckets, KeepPerBucket = 1 } },
            Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = 1 } },
        };
        foreach (var (layer, options) in layers)
        {
            spec.Layers.Add(new Layer { Name = layer, Options = { options.Select((o, i) => new Protocol.V1.LayerOption { Name = o, Cost = i + 1 }) } });
        }
        return spec;
    }

    public static SearchSpace Space(SearchSpec spec) => new(spec.Layers.Select(l => new SearchLayer(l.Name, [.. l.Options.Select(o => new Core.Space.LayerOption(o.Name, o.Cost))])));

    /// <summary>Compiles an additive LayerNAS spec; throws for anything else, as a real compiler rejects what it cannot search.</summary>
    public static CompiledSearch Compile(SearchSpec spec)
    {
        if (spec.Layers.Count == 0)
        {
            throw new ArgumentException("$.layers: a search needs at least one layer");
        }
        var space = Space(spec);
        var problem = new SearchProblem(space, new AdditiveCostModel(space), new CostTarget(spec.Target.Min, spec.Target.HasMax ? spec.Target.Max : double.PositiveInfinity));
        var options = new LayerNasOptions(Buckets: spec.Strategy.Layernas.Buckets, KeepPerBucket: spec.Strategy.Layernas.KeepPerBucket);
        return new CompiledSearch(spec, problem, spec.Strategy.HasMaxTrials ? spec.Strategy.MaxTrials : null, () => new LayerNasStrategy(problem, options));
    }
}
