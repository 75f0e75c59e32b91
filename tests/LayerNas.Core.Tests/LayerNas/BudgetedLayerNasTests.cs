using System.Text;
using CsCheck;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Simulation;
using LayerNas.Core.Specs;

namespace LayerNas.Core.Tests.LayerNas;

/// <summary>
/// LayerNAS under a trial budget (docs/scheduling.md, "Trial budgets"), over random spaces, cost models, settings,
/// budgets, slot counts and completion orders: it never creates more trials than its budget, a pass whose worst case
/// fits is never cut, its answer does not depend on worker count or arrival order, and a budget that covers the
/// unbudgeted search answers at least as well as that search.
/// </summary>
public sealed class BudgetedLayerNasTests
{
    [Fact]
    public void A_budgeted_search_never_creates_more_trials_than_its_budget_and_only_a_pass_it_may_cut_runs_at_the_barrier() =>
        Gen.Select(SchedulingScenario.Budgeted, Gen.Int[1, 150], Gen.Enum<FirstPass>()).Sample((scenario, budget, firstPass) =>
        {
            var (_, state) = Simulate(scenario.Compile(Scheduling.Pipelined, budget, firstPass), scenario.PipelinedSlots, scenario, variant: 1);
            var strategy = (LayerNasStrategy)state.Strategy;

            Assert.True(state.IsDone);
            Assert.True(state.TrialsCreated <= budget, $"{state.TrialsCreated} trials under a budget of {budget}");
            Assert.Equal(state.TrialsCreated, strategy.Passes.Sum(p => p.Trials));
            // A pass run in the spec's schedule fitted what was left in the worst case, so the budget never cut it.
            Assert.All(strategy.Passes.Where(p => p.Scheduling == Scheduling.Pipelined), p => Assert.True(p.Complete, $"{p} was cut"));
            Assert.All(strategy.Passes.SkipLast(1), p => Assert.True(p.Complete, $"{p} was cut before a later pass"));
        }, iter: 300);

    [Fact]
    public void The_worst_case_of_a_pass_bounds_the_trials_it_creates() =>
        SchedulingScenario.Budgeted.Sample(scenario =>
        {
            var (search, state) = Simulate(scenario.Compile(Scheduling.Pipelined), scenario.PipelinedSlots, scenario, variant: 1);
            var strategy = (LayerNasStrategy)state.Strategy;
            var problem = search.Problem;
            var ranges = Enumerable.Range(1, problem.Space.Depth).Select(depth => LayerNasStrategy.DepthRange(problem, depth)).ToList();
            var bound = new PassBound(problem, ranges, strategy.Options.Spacing, strategy.Completion, _ => false);

            Assert.True(bound.Of(scenario.Buckets, scenario.KeepPerBucket) >= state.TrialsCreated,
                $"bound {bound.Of(scenario.Buckets, scenario.KeepPerBucket)} below the {state.TrialsCreated} trials created");
        }, iter: 300);

    [Fact]
    public void A_budgeted_search_answers_the_same_whatever_the_worker_count_and_arrival_order() =>
        Gen.Select(SchedulingScenario.Budgeted, Gen.Int[1, 150], Gen.Enum<FirstPass>()).Sample((scenario, budget, firstPass) =>
        {
            var search = scenario.Compile(Scheduling.Pipelined, budget, firstPass);
            var few = Simulate(search, scenario.BarrierSlots, scenario, variant: 1).State;
            var many = Simulate(search, scenario.PipelinedSlots, scenario, variant: 2).State;
            var batched = search.NewState();
            scenario.DriveInBatches(batched, new Random(scenario.Seed));

            var expected = Fingerprint(search, few);
            Assert.Equal(expected, Fingerprint(search, many));
            Assert.Equal(expected, Fingerprint(search, batched));
        }, iter: 300);

    [Fact]
    public void A_budget_covering_the_unbudgeted_search_answers_at_least_as_well_as_it() =>
        Gen.Select(SchedulingScenario.Budgeted, Gen.Double[0, 2]).Sample((scenario, extra) =>
        {
            var (unbudgetedSearch, unbudgeted) = Simulate(scenario.Compile(Scheduling.Pipelined), scenario.PipelinedSlots, scenario, variant: 1);
            var reference = Best(unbudgetedSearch, unbudgeted);
            var budget = unbudgeted.TrialsCreated + (long)(extra * unbudgeted.TrialsCreated);
            if (budget == 0)
            {
                return;
            }
            var (search, state) = Simulate(scenario.Compile(Scheduling.Pipelined, budget), scenario.BarrierSlots, scenario, variant: 2);
            var strategy = (LayerNasStrategy)state.Strategy;

            // Its first pass is the unbudgeted search itself, which the budget does not cut.
            Assert.Equal((scenario.Buckets, scenario.KeepPerBucket, true), (strategy.Passes[0].Buckets, strategy.Passes[0].KeepPerBucket, strategy.Passes[0].Complete));
            Assert.Equal(unbudgeted.TrialsCreated, strategy.Passes[0].Trials);
            if (reference is not null)
            {
                Assert.True(Best(search, state) >= reference, $"answered {Best(search, state)} against {reference} without a budget");
            }
        }, iter: 300);

    [Fact]
    public void A_fitted_first_pass_keeps_the_specs_buckets_when_their_worst_case_fits_and_fewer_when_it_does_not()
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 7, 9);
        var reward = TestSpaces.InteractingReward(space, 3);
        LayerNasStrategy Run(long budget)
        {
            var options = new LayerNasOptions(Buckets: 4, MaxTrials: budget, FirstPass: FirstPass.Fit);
            return (LayerNasStrategy)TestSpaces.Drive(new SearchState(problem, new LayerNasStrategy(problem, options), budget), a => reward(a)).Strategy;
        }

        // The burger's worst case with 4 buckets: 4 at depth 1, 3 new children of each of 4 kept prefixes at depths 2
        // and 3 (one child is completed as its parent was), fewer where children are pruned.
        var wide = Run(1000);
        Assert.Equal(4, wide.Passes[0].Buckets);
        var narrow = Run(12);
        Assert.True(narrow.Passes[0].Buckets < 4, $"a first pass of {narrow.Passes[0].Buckets} buckets under 12 trials");
        Assert.True(narrow.Passes[0].Complete);
    }

    [Fact]
    public void With_budget_left_after_its_first_pass_the_search_widens_and_trains_only_new_architectures()
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 7, 9);
        var reward = TestSpaces.InteractingReward(space, 3);
        var once = TestSpaces.Drive(new SearchState(problem, new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 2))), a => reward(a));
        var budgeted = TestSpaces.Drive(new SearchState(problem, new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 2, MaxTrials: 1000)), 1000), a => reward(a));
        var passes = ((LayerNasStrategy)budgeted.Strategy).Passes;

        Assert.Single(((LayerNasStrategy)once.Strategy).Passes);
        Assert.True(passes.Count > 1);
        Assert.Equal((2, 1), (passes[0].Buckets, passes[0].KeepPerBucket));
        Assert.Equal(once.TrialsCreated, passes[0].Trials);
        Assert.Equal(4, passes[1].Buckets);
        // Every architecture trains once: later passes answer what earlier ones trained from the cache.
        Assert.Equal(budgeted.Settled.Count, budgeted.TrialsCreated);
        Assert.True(budgeted.TrialsCached > once.TrialsCached);
        // Widening ends when a pass drops nothing from its memo tables: every feasible burger was reached.
        Assert.All(passes, p => Assert.True(p.Complete));
        Assert.Equal(space.Enumerate().Count(problem.IsFeasible), budgeted.Settled.Count(t => problem.IsFeasible(t.Architecture)));
        // With leftover: stop the search ends after its first pass, as releases before budgeted passes did.
        var stopped = TestSpaces.Drive(new SearchState(problem, new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 2, MaxTrials: 1000, Widen: false)), 1000), a => reward(a));
        Assert.Single(((LayerNasStrategy)stopped.Strategy).Passes);
        Assert.Equal(once.TrialsCreated, stopped.TrialsCreated);
    }

    private static (CompiledSearch Search, SearchState State) Simulate(CompiledSearch search, int slots, SchedulingScenario scenario, int variant)
    {
        var state = search.NewState();
        SlotSimulation.Run(state, slots, a => scenario.Seconds(a, variant), a => scenario.Train(search.Problem.Space, a));
        return (search, state);
    }

    private static double? Best(CompiledSearch search, SearchState state) =>
        SearchResultBuilder.Build("s", search, state, "finished").Best?.Reward;

    /// <summary>The trained architectures and their outcomes, the passes, and the result's best and Pareto front.</summary>
    private static string Fingerprint(CompiledSearch search, SearchState state)
    {
        var strategy = (LayerNasStrategy)state.Strategy;
        var text = new StringBuilder();
        text.AppendLine(string.Join(' ', strategy.Passes));
        text.AppendLine(string.Join(' ', strategy.Statistics.Select(d => $"{d.Depth}:{d.Children}/{d.Pruned}/{d.Evaluated}/{d.Failed}/{d.Kept}")));
        text.AppendLine(string.Join(' ', state.Settled.Select(t => $"{t.Architecture}={t.Outcome?.Reward:R}").Order(StringComparer.Ordinal)));
        var result = SearchResultBuilder.Build("s", search, state, "finished");
        text.AppendLine($"{result.TrialsTrained} {result.TrialsFailed} {result.TrialsCached}");
        text.AppendLine(result.Best is null ? "no best" : Google.Protobuf.JsonFormatter.Default.Format(result.Best));
        text.AppendLine(string.Join('\n', result.ParetoFront.Select(c => Google.Protobuf.JsonFormatter.Default.Format(c))));
        return text.ToString();
    }
}
