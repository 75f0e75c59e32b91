using System.Globalization;
using System.Text;
using CsCheck;
using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Randomness;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Specs;
using LayerNas.Core.Synthetic;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.LayerNas;

/// <summary>Which cost model a generated scenario prices its space with.</summary>
public enum ScenarioCost
{
    /// <summary>Option costs summed: whole numbers or tenths, so sums round.</summary>
    Additive,

    /// <summary>A random cost per architecture from a table: no structure at all.</summary>
    Table,

    /// <summary>Multiply-adds of a small NATS-size network: exact integers, chained layers.</summary>
    ConvMacs,
}

/// <summary>
/// A random LayerNAS search for property tests: a space, a cost model, a target, settings, rewards with some failures,
/// and trial durations; everything derives from <see cref="Seed"/> and the sizes, so a failing case prints whole.
/// </summary>
public sealed record SchedulingScenario(int Seed, int Layers, int Options, int Buckets, int KeepPerBucket, ScenarioCost Cost, int BarrierSlots, int PipelinedSlots)
{
    private static readonly int[] Widths = [4, 8, 12, 16, 24, 32, 48, 64];

    /// <summary>Scenarios small enough to search many times over under budgets and several targets.</summary>
    public static readonly Gen<SchedulingScenario> Budgeted = Gen.Select(
        Gen.Int[0, 1_000_000], Gen.Int[1, 4], Gen.Int[1, 5], Gen.Int[1, 6], Gen.Int[1, 2], Gen.Enum<ScenarioCost>(), Gen.Int[1, 32], Gen.Int[1, 32],
        (seed, layers, options, buckets, keep, cost, barrierSlots, pipelinedSlots) => new SchedulingScenario(seed, layers, options, buckets, keep, cost, barrierSlots, pipelinedSlots));

    /// <summary>The search this scenario describes, with the given schedule, trial budget and first pass.</summary>
    public CompiledSearch Compile(Scheduling scheduling, long? maxTrials = null, FirstPass firstPass = FirstPass.Spec)
    {
        var (problem, options) = Problem(new Random(Seed), scheduling, maxTrials, firstPass);
        return new CompiledSearch(new SearchSpec { Name = "scenario" }, problem, maxTrials, () => new LayerNasStrategy(problem, options));
    }

    /// <summary>
    /// This scenario's space searched for <paramref name="count"/> targets at once (with <paramref name="maxTrials"/>
    /// to share), and the search of each target on its own.
    /// </summary>
    public (CompiledSearch Together, IReadOnlyList<CompiledSearch> Apart) CompileTargets(int count, long? maxTrials = null)
    {
        var random = new Random(Seed);
        var (problem, options) = Problem(random, Scheduling.Pipelined, maxTrials, FirstPass.Spec);
        var targets = Enumerable.Range(0, count).Select(_ => RandomTarget(problem.CostModel, random)).Distinct().ToList();
        var union = new CostTarget(targets.Min(t => t.Min), targets.Max(t => t.Max));
        var together = new CompiledSearch(new SearchSpec { Name = "targets" }, problem with { Target = union }, maxTrials,
            () => new MultiTargetLayerNas(problem with { Target = union }, targets, options)) { Targets = targets };
        var apart = targets.Select(target => problem with { Target = target })
            .Select(alone => new CompiledSearch(new SearchSpec { Name = "target" }, alone, null, () => new LayerNasStrategy(alone, options with { MaxTrials = null })))
            .ToList();
        return (together, apart);
    }

    private (SearchProblem Problem, LayerNasOptions Options) Problem(Random random, Scheduling scheduling, long? maxTrials, FirstPass firstPass)
    {
        var space = Space(random);
        var costModel = CostModel(space, random);
        var problem = new SearchProblem(space, costModel, RandomTarget(costModel, random));
        var options = new LayerNasOptions(Buckets, KeepPerBucket, random.Next(2) == 0 ? BucketSpacing.Linear : BucketSpacing.Log,
            (CompletionPolicy)random.Next(3), scheduling, maxTrials, firstPass);
        return (problem, options);
    }

    private static CostTarget RandomTarget(ICostModel costModel, Random random)
    {
        var all = costModel.CompletionBounds(Architecture.Empty);
        var low = all.Min + (all.Max - all.Min) * random.NextDouble() * 0.6;
        var high = low + (all.Max - low) * (0.2 + 0.8 * random.NextDouble());
        return new CostTarget(low, high);
    }

    /// <summary>The reward of an architecture, or null for one of the roughly one in twelve that fail for good.</summary>
    public TrialOutcome? Train(SearchSpace space, Architecture architecture)
    {
        var hash = SplitMix64.Hash((ulong)Seed, [.. architecture.Choices.ToArray().Select(c => (ulong)c)]);
        return hash % 12 == 0 ? null : TrialOutcome.Of(new SyntheticReward((ulong)Seed).Reward(space, architecture));
    }

    /// <summary>A duration per architecture that differs with <paramref name="variant"/>, so runs complete in different orders.</summary>
    public double Seconds(Architecture architecture, int variant) =>
        SplitMix64.ToUnit(SplitMix64.Hash((ulong)Seed ^ (ulong)variant << 32, [.. architecture.Choices.ToArray().Select(c => (ulong)c)]));

    private SearchSpace Space(Random random)
    {
        var fractional = random.Next(2) == 0;
        return new SearchSpace(Enumerable.Range(0, Layers).Select(layer => new SearchLayer(
            $"l{layer}",
            [.. (Cost == ScenarioCost.ConvMacs
                    ? Widths.OrderBy(_ => random.Next()).Take(Options).Order().Select(w => new Core.Space.LayerOption(w.ToString(CultureInfo.InvariantCulture), 0))
                    : Enumerable.Range(0, Options).Select(o => new Core.Space.LayerOption($"o{o}", fractional ? random.Next(0, 100) / 10.0 : random.Next(0, 10))))])));
    }

    private ICostModel CostModel(SearchSpace space, Random random)
    {
        switch (Cost)
        {
            case ScenarioCost.Additive:
                return new AdditiveCostModel(space);
            case ScenarioCost.ConvMacs:
                return new ConvMacsCostModel(space, new NatsSizeNetwork(space, ConvInput.FashionMnist), ConvMetric.Macs);
            default:
                var csv = new StringBuilder("arch,cost\n");
                foreach (var architecture in space.Enumerate())
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{space.Key(architecture)},{random.Next(0, 60)}\n");
                }
                return new TableCostModel(space, BenchmarkTable.Parse(csv.ToString(), "arch"), "cost");
        }
    }

    /// <summary>Completes random batches of the running trials, proposing after each batch; returns the results in the order they were recorded.</summary>
    public List<(Trial Trial, TrialOutcome? Outcome)> DriveInBatches(SearchState state, Random random)
    {
        var journal = new List<(Trial, TrialOutcome?)>();
        var running = state.TakeNewTrials().ToList();
        while (running.Count > 0)
        {
            foreach (var trial in running.OrderBy(_ => random.Next()).Take(random.Next(1, running.Count + 1)).ToList())
            {
                running.Remove(trial);
                var outcome = Train(state.Problem.Space, trial.Architecture);
                Assert.True(outcome is null ? state.Fail(trial.Number, "failed", 1) : state.Complete(trial.Number, outcome));
                journal.Add((trial, outcome));
            }
            running.AddRange(state.TakeNewTrials());
        }
        Assert.True(state.IsDone);
        return journal;
    }
}
