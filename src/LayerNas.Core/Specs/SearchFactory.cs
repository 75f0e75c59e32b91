using LayerNas.Core.Baselines;
using LayerNas.Core.Costs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Strategies;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>Compiles a spec into the problem it searches and the strategy that searches it.</summary>
public static class SearchFactory
{
    /// <summary>Every strategy name a spec may choose, as specs spell them.</summary>
    public static IReadOnlyList<string> StrategyNames { get; } = SpecKinds.NameList(Strategy.Descriptor);

    /// <summary>
    /// Validates <paramref name="spec"/> (see <see cref="SpecValidator.Validate"/>) and builds its search; throws
    /// <see cref="SpecException"/> for the first problem. Tables are read through <paramref name="loadTable"/> (path, key column).
    /// </summary>
    public static CompiledSearch Compile(SearchSpec spec, Func<string, string, BenchmarkTable> loadTable)
    {
        var (space, costModel) = SpecValidator.Check(spec, loadTable);
        var problem = new SearchProblem(space, costModel, SpaceBuilder.Target(spec));
        var strategy = spec.Strategy;
        var targets = SpaceBuilder.Targets(spec);
        var newStrategy = strategy.KindCase != Strategy.KindOneofCase.Layernas
            ? Baseline(strategy, problem)
            : LayerNas(problem, targets, LayerNasOptionsOf(strategy.Layernas, strategy.HasMaxTrials ? strategy.MaxTrials : null), spec.Targets.Count > 0);
        return new CompiledSearch(spec.Clone(), problem, strategy.HasMaxTrials ? strategy.MaxTrials : null, newStrategy) { Targets = targets };
    }

    /// <summary>
    /// The LayerNAS options a spec's settings ask for, defaults where a setting is absent, planned for the trial
    /// budget <paramref name="maxTrials"/> when there is one.
    /// </summary>
    internal static LayerNasOptions LayerNasOptionsOf(LayerNasSettings settings, long? maxTrials)
    {
        var defaults = new LayerNasOptions();
        return new LayerNasOptions(
            settings.HasBuckets ? settings.Buckets : defaults.Buckets,
            settings.HasKeepPerBucket ? settings.KeepPerBucket : defaults.KeepPerBucket,
            settings.Spacing == "log" ? BucketSpacing.Log : BucketSpacing.Linear,
            settings.Completion switch
            {
                "most-expensive" => CompletionPolicy.MostExpensive,
                "cheapest" => CompletionPolicy.Cheapest,
                "first" => CompletionPolicy.First,
                _ => CompletionPolicy.Feasible,
            },
            settings.Scheduling switch
            {
                "barrier" => Scheduling.Barrier,
                _ => Scheduling.Pipelined,
            },
            maxTrials,
            settings.FirstPass == "fit" ? FirstPass.Fit : FirstPass.Spec,
            settings.Leftover != "stop");
    }

    private static Func<ISearchStrategy> LayerNas(SearchProblem problem, IReadOnlyList<Costs.CostTarget> targets, LayerNasOptions options, bool several) => several
        ? () => new MultiTargetLayerNas(problem, targets, options)
        : () => new LayerNasStrategy(problem, options);

    /// <summary>
    /// The baselines built from their settings and the strategy's seed; an absent seed is 0, so a spec without one
    /// still names one reproducible search (its id and its recovery depend on that).
    /// </summary>
    private static Func<ISearchStrategy> Baseline(Strategy strategy, SearchProblem problem)
    {
        var seed = strategy.HasSeed ? strategy.Seed : 0UL;
        return strategy.KindCase switch
        {
            Strategy.KindOneofCase.Grid => () => new GridSearch(problem),
            Strategy.KindOneofCase.Random => () => new RandomSearch(problem, seed),
            Strategy.KindOneofCase.Evolution => Evolution(strategy.Evolution, problem, seed),
            Strategy.KindOneofCase.Reinforce => Reinforce(strategy.Reinforce, problem, seed),
            Strategy.KindOneofCase.Ppo => Ppo(strategy.Ppo, problem, seed),
            _ => throw new SpecException("the spec names no strategy", "$.strategy"),
        };
    }

    private static Func<ISearchStrategy> Evolution(EvolutionSettings settings, SearchProblem problem, ulong seed)
    {
        var population = settings.HasPopulation ? settings.Population : RegularizedEvolution.DefaultPopulation;
        var sampleSize = settings.HasSampleSize ? settings.SampleSize : Math.Min(RegularizedEvolution.DefaultSampleSize, population);
        var batch = settings.HasBatch ? settings.Batch : RegularizedEvolution.DefaultBatch;
        return () => new RegularizedEvolution(problem, seed, population, sampleSize, batch);
    }

    private static Func<ISearchStrategy> Reinforce(ReinforceSettings settings, SearchProblem problem, ulong seed)
    {
        var learningRate = settings.HasLearningRate ? settings.LearningRate : ReinforceSearch.DefaultLearningRate;
        var batch = settings.HasBatch ? settings.Batch : ReinforceSearch.DefaultBatch;
        var decay = settings.HasBaselineDecay ? settings.BaselineDecay : ReinforceSearch.DefaultBaselineDecay;
        return () => new ReinforceSearch(problem, seed, learningRate, batch, decay);
    }

    private static Func<ISearchStrategy> Ppo(PpoSettings settings, SearchProblem problem, ulong seed)
    {
        var learningRate = settings.HasLearningRate ? settings.LearningRate : PpoSearch.DefaultLearningRate;
        var batch = settings.HasBatch ? settings.Batch : PpoSearch.DefaultBatch;
        var decay = settings.HasBaselineDecay ? settings.BaselineDecay : PpoSearch.DefaultBaselineDecay;
        var clip = settings.HasClip ? settings.Clip : PpoSearch.DefaultClip;
        var epochs = settings.HasEpochs ? settings.Epochs : PpoSearch.DefaultEpochs;
        return () => new PpoSearch(problem, seed, learningRate, batch, decay, clip, epochs);
    }
}
