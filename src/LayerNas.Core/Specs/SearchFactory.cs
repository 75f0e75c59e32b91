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
        var newStrategy = strategy.KindCase == Strategy.KindOneofCase.Layernas
            ? LayerNas(problem, LayerNasOptionsOf(strategy.Layernas))
            : Baseline(strategy, problem);
        return new CompiledSearch(spec.Clone(), problem, strategy.HasMaxTrials ? strategy.MaxTrials : null, newStrategy);
    }

    /// <summary>The LayerNAS options a spec's settings ask for, defaults where a setting is absent.</summary>
    internal static LayerNasOptions LayerNasOptionsOf(LayerNasSettings settings)
    {
        var defaults = new LayerNasOptions();
        return new LayerNasOptions(
            settings.HasBuckets ? settings.Buckets : defaults.Buckets,
            settings.HasKeepPerBucket ? settings.KeepPerBucket : defaults.KeepPerBucket,
            settings.Spacing == "log" ? BucketSpacing.Log : BucketSpacing.Linear,
            settings.Completion switch
            {
                "cheapest" => CompletionPolicy.Cheapest,
                "first" => CompletionPolicy.First,
                _ => CompletionPolicy.MostExpensive,
            });
    }

    private static Func<ISearchStrategy> LayerNas(SearchProblem problem, LayerNasOptions options) =>
        () => new LayerNasStrategy(problem, options);

    /// <summary>
    /// The one place the baselines (grid, random, evolution, reinforce) are built from their settings and the
    /// strategy's seed, one switch arm per kind; a kind without an arm is not available in this build.
    /// </summary>
    private static Func<ISearchStrategy> Baseline(Strategy strategy, SearchProblem problem) => strategy.KindCase switch
    {
        _ => throw new SpecException(
            $"strategy {Quoted.Text(Strategy.Descriptor.FindFieldByNumber((int)strategy.KindCase).JsonName)} is not available",
            "$.strategy"),
    };
}
