using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Simulation;

namespace LayerNas.Core.Tests.Simulation;

public sealed class SlotSimulationTests
{
    [Fact]
    public void Slots_take_the_longest_ready_trial_first_and_the_run_counts_their_busy_time()
    {
        // One layer of four options costing 1…4 s to train, on two slots: 4 and 3 start, then 2 (at 3 s) and 1 (at 4 s).
        var space = new Core.Space.SearchSpace([TestSpaces.Layer("only", ("a", 1), ("b", 2), ("c", 3), ("d", 4))]);
        var problem = TestSpaces.Additive(space, 0, 10);
        var state = new SearchState(problem, new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 2)));

        var run = SlotSimulation.Run(state, 2, a => problem.CostModel.Cost(a), _ => TrialOutcome.Of(0.5));

        Assert.Equal([("d", 0.0, 4.0), ("c", 0.0, 3.0), ("b", 3.0, 5.0), ("a", 4.0, 5.0)],
            run.Trials.OrderBy(t => t.Start).ThenByDescending(t => t.End).Select(t => (space.Names(t.Trial.Architecture)[0], t.Start, t.End)));
        Assert.Equal(5, run.Span);
        Assert.Equal(10, run.BusySeconds);
        Assert.Equal(1, run.Efficiency);
        Assert.True(state.IsDone);
    }

    [Fact]
    public void A_failing_trial_is_settled_as_failed_and_the_search_goes_on()
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 7, 9);
        var state = new SearchState(problem, new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 4)));

        var run = SlotSimulation.Run(state, 3, _ => 1, a => a[0] == 0 ? null : TrialOutcome.Of(a[1] / 4.0));

        Assert.True(state.IsDone);
        Assert.True(state.TrialsFailed > 0);
        Assert.Equal(state.TrialsTrained + state.TrialsFailed, run.Trials.Count);
        Assert.InRange(run.Efficiency, 0.01, 1);
    }
}
