using LayerNas.Core.Baselines;
using LayerNas.Core.Costs;
using LayerNas.Core.Space;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>Judges whether a parsed spec describes a search that can run, and names the first problem with its JSON path.</summary>
public static class SpecValidator
{
    /// <summary>Most cost buckets a LayerNAS depth may have; every bucket is allocated up front at every depth.</summary>
    public const int MaxBuckets = 10_000;

    /// <summary>Most candidates a LayerNAS bucket may keep.</summary>
    public const int MaxKeepPerBucket = 100;

    /// <summary>Most targets one search may have.</summary>
    public const int MaxTargets = 32;

    /// <summary>Largest space whose reachability of the target is checked architecture by architecture.</summary>
    public const long ExactReachabilityLimit = 1_000_000;

    /// <summary>The longest trial timeout a spec may set (30 days): a worker's timer cannot count much further (49 days).</summary>
    public const double MaxTimeoutSeconds = 30 * 24 * 3600;

    /// <summary>The trainer timeout of a spec that sets none.</summary>
    public const double DefaultTimeoutSeconds = 3600;

    /// <summary>The most retries a spec may give a failing trial.</summary>
    public const int MaxRetries = 100;

    /// <summary>The bucket spacings LayerNAS accepts ("" means linear).</summary>
    public static readonly IReadOnlyList<string> Spacings = ["linear", "log"];

    /// <summary>The completion rules LayerNAS accepts ("" means feasible).</summary>
    public static readonly IReadOnlyList<string> Completions = ["feasible", "most-expensive", "cheapest", "first"];

    /// <summary>The schedules LayerNAS accepts ("" means pipelined).</summary>
    public static readonly IReadOnlyList<string> Schedules = ["pipelined", "barrier"];

    /// <summary>How LayerNAS may size its first pass under a trial budget ("" means spec).</summary>
    public static readonly IReadOnlyList<string> FirstPasses = ["spec", "fit"];

    /// <summary>What a LayerNAS search under a budget may do with the trials a pass leaves ("" means widen).</summary>
    public static readonly IReadOnlyList<string> Leftovers = ["widen", "stop"];

    /// <summary>The trial cache settings a spec accepts ("" means off).</summary>
    public static readonly IReadOnlyList<string> TrialCaches = [TrialCache.Off, TrialCache.Shared];

    /// <summary>
    /// Throws <see cref="SpecException"/> for the first problem of <paramref name="spec"/>; reads benchmark tables
    /// through <paramref name="loadTable"/> (path, key column), which throws <see cref="SpecException"/> for a table it cannot read.
    /// </summary>
    public static void Validate(SearchSpec spec, Func<string, string, BenchmarkTable> loadTable) => Check(spec, loadTable);

    /// <summary>Validates and returns the space and cost model built on the way, so compiling builds them once.</summary>
    internal static (SearchSpace Space, ICostModel CostModel) Check(SearchSpec spec, Func<string, string, BenchmarkTable> loadTable)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(loadTable);
        RequirePrintable(spec.Name, "$.name");
        CheckLayers(spec);
        var space = SpaceBuilder.Build(spec);
        CheckCost(spec.Cost);
        CheckTarget(spec.Target, "$.target");
        CheckTargets(spec);
        CheckStrategy(spec.Strategy);
        CheckTrainer(spec.Trainer, space, loadTable);
        RequireChoice(spec.TrialCache, TrialCaches, "trial cache", "$.trialCache");
        var costModel = SpaceBuilder.CostModel(spec, space, loadTable);
        var targets = SpaceBuilder.Targets(spec);
        for (var i = 0; i < targets.Count; i++)
        {
            CheckReachable(space, costModel, targets[i], spec.Targets.Count == 0 ? "$.target" : $"$.targets[{i}]");
        }
        return (space, costModel);
    }

    private static void CheckLayers(SearchSpec spec)
    {
        Require(spec.Layers.Count > 0, "the spec has no layers", "$.layers");
        var layerPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            var at = $"$.layers[{i}]";
            Require(layer.Name.Length > 0, "a layer needs a name", $"{at}.name");
            RequirePrintable(layer.Name, $"{at}.name");
            RequirePrintable(layer.Default, $"{at}.default");
            if (layerPaths.TryGetValue(layer.Name, out var first))
            {
                throw new SpecException($"layer name {Quoted.Text(layer.Name)} is used twice (also at {first})", $"{at}.name");
            }
            layerPaths[layer.Name] = at;
            Require(layer.Options.Count > 0, $"layer {Quoted.Text(layer.Name)} has no options", $"{at}.options");
            var optionNames = new HashSet<string>(StringComparer.Ordinal);
            for (var o = 0; o < layer.Options.Count; o++)
            {
                var option = layer.Options[o];
                var optionAt = $"{at}.options[{o}]";
                Require(option.Name.Length > 0, $"an option of layer {Quoted.Text(layer.Name)} has no name", $"{optionAt}.name");
                RequirePrintable(option.Name, $"{optionAt}.name");
                Require(!option.Name.Contains(':'), $"option name {Quoted.Text(option.Name)} contains ':', which separates the options of architecture keys", $"{optionAt}.name");
                Require(optionNames.Add(option.Name), $"layer {Quoted.Text(layer.Name)} has two options named {Quoted.Text(option.Name)}", $"{optionAt}.name");
                Require(double.IsFinite(option.Cost) && option.Cost >= 0, $"cost must be a finite number ≥ 0, got {SpecNumbers.Format(option.Cost)}", $"{optionAt}.cost");
            }
        }
    }

    private static void CheckCost(CostModel? cost)
    {
        switch (cost?.ModelCase)
        {
            case CostModel.ModelOneofCase.Additive:
                return;
            case CostModel.ModelOneofCase.ConvMacs:
                RequireText(cost.ConvMacs.Space, "the built-in network the layers configure (nats-size or mobilenet-v2)", "$.cost.convMacs.space");
                break;
            case CostModel.ModelOneofCase.Table:
                RequireFilePath(cost.Table.Path, "the benchmark table's CSV file", "$.cost.table.path");
                RequireText(cost.Table.Key, "the table's column of architecture keys", "$.cost.table.key");
                RequireText(cost.Table.Column, "the table's column of costs", "$.cost.table.column");
                return;
            default:
                throw new SpecException($"no cost model chosen (expected one of: {SpecKinds.Names(CostModel.Descriptor)})", "$.cost");
        }
    }

    private static void CheckTarget(Target? target, string path)
    {
        if (target is null)
        {
            return;
        }
        if (target.HasMin)
        {
            Require(double.IsFinite(target.Min) && target.Min >= 0, $"must be a finite number ≥ 0, got {SpecNumbers.Format(target.Min)}", $"{path}.min");
        }
        if (target.HasMax)
        {
            Require(!double.IsNaN(target.Max) && target.Max >= 0, $"must be a number ≥ 0, got {SpecNumbers.Format(target.Max)}", $"{path}.max");
        }
        if (target.HasMin && target.HasMax)
        {
            Require(target.Min <= target.Max, $"min ({SpecNumbers.Format(target.Min)}) is above max ({SpecNumbers.Format(target.Max)})", path);
        }
    }

    private static void CheckTargets(SearchSpec spec)
    {
        if (spec.Targets.Count == 0)
        {
            return;
        }
        Require(spec.Target is null, "give either target or targets, not both", "$.targets");
        Require(spec.Targets.Count <= MaxTargets, $"at most {MaxTargets} targets, got {spec.Targets.Count}", "$.targets");
        Require(spec.Strategy?.KindCase is null or Strategy.KindOneofCase.None or Strategy.KindOneofCase.Layernas,
            $"several targets are searched by layernas only, not by {spec.Strategy?.KindCase.ToString().ToLowerInvariant()}", "$.targets");
        for (var i = 0; i < spec.Targets.Count; i++)
        {
            CheckTarget(spec.Targets[i], $"$.targets[{i}]");
        }
        var twice = SpaceBuilder.Targets(spec).GroupBy(t => t).FirstOrDefault(g => g.Count() > 1);
        Require(twice is null, $"the target {Describe(twice?.Key ?? default)} is named twice", "$.targets");
    }

    private static void CheckStrategy(Strategy? strategy)
    {
        const string at = "$.strategy";
        if (strategy is null || strategy.KindCase == Strategy.KindOneofCase.None)
        {
            throw new SpecException($"no strategy chosen (expected one of: {SpecKinds.Names(Strategy.Descriptor)})", at);
        }
        switch (strategy.KindCase)
        {
            case Strategy.KindOneofCase.Layernas:
                var layerNas = strategy.Layernas;
                if (layerNas.HasBuckets)
                {
                    RequireCount(layerNas.Buckets, 1, MaxBuckets, $"{at}.layernas.buckets");
                }
                if (layerNas.HasKeepPerBucket)
                {
                    RequireCount(layerNas.KeepPerBucket, 1, MaxKeepPerBucket, $"{at}.layernas.keepPerBucket");
                }
                RequireChoice(layerNas.Spacing, Spacings, "spacing", $"{at}.layernas.spacing");
                RequireChoice(layerNas.Completion, Completions, "completion", $"{at}.layernas.completion");
                RequireChoice(layerNas.Scheduling, Schedules, "scheduling", $"{at}.layernas.scheduling");
                RequireChoice(layerNas.FirstPass, FirstPasses, "first pass", $"{at}.layernas.firstPass");
                RequireChoice(layerNas.Leftover, Leftovers, "leftover", $"{at}.layernas.leftover");
                break;
            case Strategy.KindOneofCase.Evolution:
                var evolution = strategy.Evolution;
                if (evolution.HasPopulation)
                {
                    RequireCount(evolution.Population, 1, int.MaxValue, $"{at}.evolution.population");
                }
                if (evolution.HasSampleSize)
                {
                    RequireCount(evolution.SampleSize, 1, int.MaxValue, $"{at}.evolution.sampleSize");
                }
                if (evolution.HasBatch)
                {
                    RequireCount(evolution.Batch, 1, int.MaxValue, $"{at}.evolution.batch");
                }
                // An absent sample size shrinks to a small population; an explicit one must fit the effective population.
                var population = evolution.HasPopulation ? evolution.Population : RegularizedEvolution.DefaultPopulation;
                if (evolution.HasSampleSize)
                {
                    Require(evolution.SampleSize <= population, $"must not exceed population ({population}), got {evolution.SampleSize}", $"{at}.evolution.sampleSize");
                }
                break;
            case Strategy.KindOneofCase.Reinforce:
                var reinforce = strategy.Reinforce;
                CheckPolicyGradient(
                    reinforce.HasLearningRate ? reinforce.LearningRate : null,
                    reinforce.HasBatch ? reinforce.Batch : null,
                    reinforce.HasBaselineDecay ? reinforce.BaselineDecay : null,
                    $"{at}.reinforce");
                break;
            case Strategy.KindOneofCase.Ppo:
                var ppo = strategy.Ppo;
                CheckPolicyGradient(
                    ppo.HasLearningRate ? ppo.LearningRate : null,
                    ppo.HasBatch ? ppo.Batch : null,
                    ppo.HasBaselineDecay ? ppo.BaselineDecay : null,
                    $"{at}.ppo");
                if (ppo.HasClip)
                {
                    RequirePositive(ppo.Clip, $"{at}.ppo.clip");
                }
                if (ppo.HasEpochs)
                {
                    RequireCount(ppo.Epochs, 1, PpoSearch.MaxEpochs, $"{at}.ppo.epochs");
                }
                break;
        }
        var name = Strategy.Descriptor.FindFieldByNumber((int)strategy.KindCase).JsonName;
        if (strategy.HasMaxTrials)
        {
            Require(strategy.MaxTrials >= 1, $"must be ≥ 1, got {strategy.MaxTrials}", $"{at}.maxTrials");
        }
        else
        {
            // Sampling strategies have no natural end: the budget is what stops them.
            Require(strategy.KindCase is Strategy.KindOneofCase.Layernas or Strategy.KindOneofCase.Grid, $"strategy {Quoted.Text(name)} needs maxTrials ≥ 1", $"{at}.maxTrials");
        }
    }

    // The knobs REINFORCE and PPO share; an absent one is null.
    private static void CheckPolicyGradient(double? learningRate, int? batch, double? baselineDecay, string at)
    {
        if (learningRate is { } rate)
        {
            RequirePositive(rate, $"{at}.learningRate");
        }
        if (batch is { } size)
        {
            RequireCount(size, 1, int.MaxValue, $"{at}.batch");
        }
        if (baselineDecay is { } decay)
        {
            Require(decay is >= 0 and < 1, $"must be ≥ 0 and < 1, got {SpecNumbers.Format(decay)}", $"{at}.baselineDecay");
        }
    }

    private static void RequirePositive(double value, string at) =>
        Require(double.IsFinite(value) && value > 0, $"must be a finite number > 0, got {SpecNumbers.Format(value)}", at);

    private static void CheckTrainer(Trainer? trainer, SearchSpace space, Func<string, string, BenchmarkTable> loadTable)
    {
        const string at = "$.trainer";
        if (trainer is null || trainer.KindCase == Trainer.KindOneofCase.None)
        {
            throw new SpecException($"no trainer chosen (expected one of: {SpecKinds.Names(Trainer.Descriptor)})", at);
        }
        if (trainer.HasTimeoutSeconds)
        {
            Require(double.IsFinite(trainer.TimeoutSeconds) && trainer.TimeoutSeconds > 0 && trainer.TimeoutSeconds <= MaxTimeoutSeconds,
                $"must be a number of seconds > 0 and ≤ {SpecNumbers.Format(MaxTimeoutSeconds)} (30 days), got {SpecNumbers.Format(trainer.TimeoutSeconds)}", $"{at}.timeoutSeconds");
        }
        if (trainer.HasMaxRetries)
        {
            Require(trainer.MaxRetries is >= 0 and <= MaxRetries, $"must be from 0 to {MaxRetries}, got {trainer.MaxRetries}", $"{at}.maxRetries");
        }
        switch (trainer.KindCase)
        {
            case Trainer.KindOneofCase.Synthetic:
                var synthetic = trainer.Synthetic;
                if (synthetic.HasInteraction)
                {
                    Require(double.IsFinite(synthetic.Interaction) && synthetic.Interaction >= 0, $"must be a finite number ≥ 0, got {SpecNumbers.Format(synthetic.Interaction)}", $"{at}.synthetic.interaction");
                }
                if (synthetic.HasSeconds)
                {
                    Require(double.IsFinite(synthetic.Seconds) && synthetic.Seconds >= 0, $"must be a finite number ≥ 0, got {SpecNumbers.Format(synthetic.Seconds)}", $"{at}.synthetic.seconds");
                }
                if (synthetic.HasSecondsPerCost)
                {
                    Require(double.IsFinite(synthetic.SecondsPerCost) && synthetic.SecondsPerCost >= 0, $"must be a finite number ≥ 0, got {SpecNumbers.Format(synthetic.SecondsPerCost)}", $"{at}.synthetic.secondsPerCost");
                }
                if (synthetic.HasJitter)
                {
                    Require(synthetic.Jitter is >= 0 and < 1, $"must be ≥ 0 and < 1, got {SpecNumbers.Format(synthetic.Jitter)}", $"{at}.synthetic.jitter");
                }
                CheckSyntheticTime(synthetic, space, trainer.HasTimeoutSeconds ? trainer.TimeoutSeconds : DefaultTimeoutSeconds, at);
                break;
            case Trainer.KindOneofCase.Tabular:
                var tabular = trainer.Tabular;
                RequireFilePath(tabular.Path, "the benchmark table's CSV file", $"{at}.tabular.path");
                RequireText(tabular.Key, "the table's column of architecture keys", $"{at}.tabular.key");
                RequireText(tabular.Reward, "the table's column of rewards", $"{at}.tabular.reward");
                var table = SpecTables.Load(loadTable, tabular.Path, tabular.Key, $"{at}.tabular");
                SpecTables.RequireColumn(table, tabular.Reward, $"{at}.tabular.reward");
                for (var i = 0; i < tabular.Metrics.Count; i++)
                {
                    RequirePrintable(tabular.Metrics[i], $"{at}.tabular.metrics[{i}]");
                    SpecTables.RequireColumn(table, tabular.Metrics[i], $"{at}.tabular.metrics[{i}]");
                }
                break;
            case Trainer.KindOneofCase.Process:
                CheckProcess(trainer.Process, $"{at}.process");
                break;
        }
    }

    // A synthetic trial sleeps at least its fixed part plus its part per cost of the cheapest architecture, less the jitter.
    private static void CheckSyntheticTime(SyntheticTrainer synthetic, SearchSpace space, double timeoutSeconds, string at)
    {
        var cheapest = space.Layers.Sum(layer => layer.Options.Min(o => o.Cost));
        var shortest = (synthetic.Seconds + synthetic.SecondsPerCost * cheapest) * (1 - synthetic.Jitter);
        Require(shortest < timeoutSeconds,
            $"every trial would take at least {SpecNumbers.Format(shortest)} s, which reaches the trainer's timeout of {SpecNumbers.Format(timeoutSeconds)} s ($.trainer.timeoutSeconds)",
            $"{at}.synthetic");
    }

    private static void CheckProcess(ProcessTrainer process, string at)
    {
        Require(process.Name.Length > 0 || process.Command.Count > 0,
            "names no trainer: give the name of a trainer the workers' operator registered (name), or, where clients are trusted, the program to run (command)", at);
        if (process.Name.Length > 0)
        {
            Require(TrainerNames.IsValid(process.Name), $"{Quoted.Text(process.Name)} is not a trainer name ({TrainerNames.Rule})", $"{at}.name");
        }
        if (process.Command.Count > 0)
        {
            Require(process.Command[0].Length > 0, "the program name is empty", $"{at}.command[0]");
        }
        for (var i = 0; i < process.Command.Count; i++)
        {
            Require(!process.Command[i].Contains('\0'), NulProblem, $"{at}.command[{i}]");
        }
        Require(!process.WorkingDirectory.Contains('\0'), NulProblem, $"{at}.workingDirectory");
        foreach (var name in process.Env.Keys)
        {
            Require(name.Length > 0 && !name.Contains('=') && !name.Contains('\0'), $"{Quoted.Text(name)} is not an environment variable name", $"{at}.env");
        }
        foreach (var key in TrainerBudget.Keys)
        {
            if (process.Settings.TryGetValue(key, out var text))
            {
                Require(TrainerBudget.Parse(key, text) is not null, $"must be {TrainerBudget.Describe(key)}, got {Quoted.Text(text)}", $"{at}.settings.{key}");
            }
        }
    }

    private static void CheckReachable(SearchSpace space, ICostModel costModel, CostTarget target, string path)
    {
        var all = costModel.CompletionBounds(Architecture.Empty);
        var range = $"costs range from {SpecNumbers.Format(all.Min)} to {SpecNumbers.Format(all.Max)}";
        Require(target.CanReach(all), $"no architecture costs {Describe(target)} ({range})", path);
        if (space.Size > ExactReachabilityLimit)
        {
            return;
        }
        // Bounds can straddle a gap (options costing 1 or 10 reach 2, 11 and 20, never 5): look at every architecture.
        var below = double.NegativeInfinity;
        var above = double.PositiveInfinity;
        foreach (var architecture in space.Enumerate())
        {
            var cost = costModel.Cost(architecture);
            if (target.Contains(cost))
            {
                return;
            }
            if (cost < target.Min)
            {
                below = Math.Max(below, cost);
            }
            else
            {
                above = Math.Min(above, cost);
            }
        }
        var nearest = string.Join(" and ", new[] { below, above }.Where(double.IsFinite).Select(SpecNumbers.Format));
        throw new SpecException($"no architecture costs {Describe(target)} ({range}; nearest: {nearest})", path);
    }

    private static string Describe(CostTarget target) => double.IsPositiveInfinity(target.Max)
        ? $"{SpecNumbers.Format(target.Min)} or more"
        : $"between {SpecNumbers.Format(target.Min)} and {SpecNumbers.Format(target.Max)}";

    private static void RequirePrintable(string value, string path)
    {
        if (PrintableText.Problem(value) is { } problem)
        {
            throw new SpecException(problem, path);
        }
    }

    private static void RequireText(string value, string what, string path) =>
        Require(value.Length > 0, $"missing ({what})", path);

    // The operating system cuts a path or an argument at a NUL character, so one holding it cannot mean what it says.
    private const string NulProblem = "holds a NUL character, which no path or program argument can";

    private static void RequireFilePath(string value, string what, string path)
    {
        RequireText(value, what, path);
        Require(!value.Contains('\0'), NulProblem, path);
    }

    private static void RequireCount(long value, long min, long max, string path) =>
        Require(value >= min && value <= max, max == int.MaxValue ? $"must be ≥ {min}, got {value}" : $"must be from {min} to {max}, got {value}", path);

    private static void RequireChoice(string value, IReadOnlyList<string> choices, string what, string path) =>
        Require(value.Length == 0 || choices.Contains(value), $"unknown {what} {Quoted.Text(value)} (expected one of: {string.Join(", ", choices)})", path);

    private static void Require(bool ok, string problem, string path)
    {
        if (!ok)
        {
            throw new SpecException(problem, path);
        }
    }
}
