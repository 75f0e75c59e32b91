using System.Text;
using CsCheck;
using Google.Protobuf;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Simulation;
using LayerNas.Core.Specs;

namespace LayerNas.Core.Tests.LayerNas;

/// <summary>
/// The pipelined schedule against the barrier over random spaces, cost models, buckets, K, slot counts and completion
/// orders: the same memo tables, statistics, best, Pareto front and trained architectures, byte for byte.
/// </summary>
public sealed class PipelinedSchedulingTests
{
    private static readonly Gen<SchedulingScenario> Scenarios = Gen.Select(
        Gen.Int[0, 1_000_000], Gen.Int[1, 5], Gen.Int[1, 5], Gen.Int[1, 9], Gen.Int[1, 3], Gen.Enum<ScenarioCost>(), Gen.Int[1, 64], Gen.Int[1, 64],
        (seed, layers, options, buckets, keep, cost, barrierSlots, pipelinedSlots) => new SchedulingScenario(seed, layers, options, buckets, keep, cost, barrierSlots, pipelinedSlots));

    [Fact]
    public void Pipelined_and_barrier_schedules_keep_the_same_tables_and_answer_and_train_the_same_architectures() =>
        Scenarios.Sample(scenario =>
        {
            var barrier = Simulate(scenario, Scheduling.Barrier, scenario.BarrierSlots, variant: 1);
            var pipelined = Simulate(scenario, Scheduling.Pipelined, scenario.PipelinedSlots, variant: 2);
            var batched = scenario.Compile(Scheduling.Pipelined);
            var batchedState = batched.NewState();
            scenario.DriveInBatches(batchedState, new Random(scenario.Seed));

            var expected = Fingerprint(barrier.Search, barrier.State);
            Assert.Equal(expected, Fingerprint(pipelined.Search, pipelined.State));
            Assert.Equal(expected, Fingerprint(batched, batchedState));
        }, iter: 300);

    [Fact]
    public void Recovering_a_pipelined_search_in_journal_order_numbers_every_trial_as_the_original_run_did() =>
        Gen.Select(Scenarios, Gen.Double[0, 1]).Sample((scenario, cut) =>
        {
            var search = scenario.Compile(Scheduling.Pipelined);
            var original = search.NewState();
            var journal = scenario.DriveInBatches(original, new Random(scenario.Seed));
            var numbers = original.Settled.ToDictionary(t => t.Architecture, t => t.Number);

            var recovered = search.NewState();
            foreach (var (trial, outcome) in journal.Take((int)(cut * journal.Count)))
            {
                recovered.Recover(trial.Architecture, outcome, outcome is null ? "failed" : null, 1);
            }
            var pending = recovered.TakeNewTrials();

            Assert.All(recovered.Settled, t => Assert.Equal(numbers[t.Architecture], t.Number));
            Assert.All(pending, t => Assert.Equal(numbers[t.Architecture], t.Number));
            Assert.Equal(recovered.PendingTrials, pending);
        }, iter: 200);

    [Fact]
    public void Slots_wait_less_on_the_pipelined_schedule_than_at_the_barrier()
    {
        // 8 layers × 8 options costing 5…40, 24 buckets, trials lasting 10 ms + 2 ms per unit of cost.
        var space = new Core.Space.SearchSpace(Enumerable.Range(0, 8).Select(layer => new Core.Space.SearchLayer(
            $"l{layer}", [.. Enumerable.Range(1, 8).Select(o => new Core.Space.LayerOption($"o{o}", 5 * o))])));
        var problem = TestSpaces.Additive(space, 90, 230);
        var reward = new Core.Synthetic.SyntheticReward(1);
        double Efficiency(Scheduling scheduling) => SlotSimulation.Run(
            new SearchState(problem, new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 24, Scheduling: scheduling))),
            32, a => 0.01 + 0.002 * problem.CostModel.Cost(a), a => TrialOutcome.Of(reward.Reward(space, a))).Efficiency;

        Assert.True(Efficiency(Scheduling.Pipelined) > Efficiency(Scheduling.Barrier) + 0.03);
    }

    private static (CompiledSearch Search, SearchState State) Simulate(SchedulingScenario scenario, Scheduling scheduling, int slots, int variant)
    {
        var search = scenario.Compile(scheduling);
        var state = search.NewState();
        SlotSimulation.Run(state, slots, a => scenario.Seconds(a, variant), a => scenario.Train(search.Problem.Space, a));
        return (search, state);
    }

    /// <summary>Every memo table, the depth statistics, the trained architectures and the result's best and Pareto front.</summary>
    private static string Fingerprint(CompiledSearch search, SearchState state)
    {
        var strategy = (LayerNasStrategy)state.Strategy;
        var text = new StringBuilder();
        for (var depth = 1; depth <= search.Problem.Space.Depth; depth++)
        {
            text.AppendLine($"table {depth}: {string.Join(' ', strategy.Table(depth).Entries.Select(e => $"{e.Prefix}={e.Reward:R}"))}");
        }
        text.AppendLine(string.Join(' ', strategy.Statistics.Select(d => $"{d.Depth}:{d.Children}/{d.Pruned}/{d.Evaluated}/{d.Failed}/{d.Kept}")));
        text.AppendLine(string.Join(' ', state.Settled.Select(t => $"{t.Architecture}={t.Outcome?.Reward:R}").Order(StringComparer.Ordinal)));
        var result = SearchResultBuilder.Build("s", search, state, "finished");
        text.AppendLine($"{result.TrialsTrained} {result.TrialsFailed} {result.TrialsCached}");
        text.AppendLine(result.Best is null ? "no best" : JsonFormatter.Default.Format(result.Best));
        text.AppendLine(string.Join('\n', result.ParetoFront.Select(c => JsonFormatter.Default.Format(c))));
        return text.ToString();
    }
}
