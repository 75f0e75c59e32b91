using CsCheck;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Simulation;
using LayerNas.Core.Specs;
using LayerNas.Core.Tests.Specs;

namespace LayerNas.Core.Tests.LayerNas;

/// <summary>
/// A family of targets in one LayerNAS search (docs/targets.md), over random spaces, cost models, settings, targets,
/// slot counts and completion orders: each target answers as its own search would, every architecture trains once,
/// so the search needs no more trials than the separate searches together, and a budget is never exceeded.
/// </summary>
public sealed class MultiTargetLayerNasTests
{
    [Fact]
    public void Each_targets_search_trains_what_its_own_search_does_and_the_family_trains_no_more_trials_than_the_separate_searches() =>
        Gen.Select(SchedulingScenario.Budgeted, Gen.Int[2, 4]).Sample((scenario, count) =>
        {
            var (together, apart) = scenario.CompileTargets(count);
            var state = Simulate(together, scenario.PipelinedSlots, scenario, variant: 1);
            var result = SearchResultBuilder.Build("s", together, state, "finished");
            var strategy = (MultiTargetLayerNas)state.Strategy;
            var separate = apart.Select(search => (Search: search, State: Simulate(search, scenario.BarrierSlots, scenario, variant: 2))).ToList();

            Assert.True(state.IsDone);
            Assert.Equal(apart.Count, result.Targets.Count);
            for (var i = 0; i < apart.Count; i++)
            {
                // Each target's search evaluates exactly what its separate run trains, so its answer is at least that
                // run's: another target's search may have trained a better model inside this target.
                var alone = SearchResultBuilder.Build("s", separate[i].Search, separate[i].State, "finished");
                Assert.Equal(separate[i].State.Settled.Select(t => t.Architecture).Order(), strategy.Evaluated(i).Order());
                Assert.Equal(separate[i].State.TrialsCreated, result.Targets[i].Trials);
                Assert.True(alone.Best is null || result.Targets[i].Best is not null, $"target {i}: no answer where its own search has {alone.Best}");
                Assert.True((result.Targets[i].Best?.Reward ?? 0) >= (alone.Best?.Reward ?? 0), $"target {i}: {result.Targets[i].Best} below {alone.Best}");
            }
            Assert.True(state.TrialsCreated <= separate.Sum(s => s.State.TrialsCreated));
            Assert.Equal(state.Settled.Select(t => t.Architecture).Distinct().Count(), state.TrialsCreated);
            Assert.Equal(result.Targets.Select(t => t.Best).Where(b => b is not null).MaxBy(b => (b!.Reward, -b.Cost))?.Reward, result.Best?.Reward);
        }, iter: 200);

    [Fact]
    public void A_family_of_targets_answers_the_same_whatever_the_worker_count_and_never_exceeds_its_budget() =>
        Gen.Select(SchedulingScenario.Budgeted, Gen.Int[2, 4], Gen.Int[1, 200]).Sample((scenario, count, budget) =>
        {
            var (together, _) = scenario.CompileTargets(count, budget);
            var few = Simulate(together, scenario.BarrierSlots, scenario, variant: 1);
            var many = Simulate(together, scenario.PipelinedSlots, scenario, variant: 2);

            Assert.True(few.TrialsCreated <= budget, $"{few.TrialsCreated} trials under a budget of {budget}");
            Assert.Equal(Fingerprint(together, few), Fingerprint(together, many));
        }, iter: 200);

    [Fact]
    public void The_burgers_three_targets_in_one_search_answer_as_three_searches_with_fewer_trials()
    {
        var targets = "[{\"max\": 6}, {\"min\": 7, \"max\": 9}, {\"min\": 9, \"max\": 11}]";
        var together = SearchFactory.Compile(SpecParser.Parse(SpecJson.Burger(("target", null), ("targets", targets))), SpecJson.NoTables);
        var reward = TestSpaces.InteractingReward(together.Problem.Space, 3);
        var state = TestSpaces.Drive(together.NewState(), a => reward(a));
        var result = SearchResultBuilder.Build("s", together, state, "finished");
        var apart = new[] { "{\"max\": 6}", "{\"min\": 7, \"max\": 9}", "{\"min\": 9, \"max\": 11}" }
            .Select(target => SearchFactory.Compile(SpecParser.Parse(SpecJson.Burger(("target", target))), SpecJson.NoTables))
            .Select(search => (Search: search, State: TestSpaces.Drive(search.NewState(), a => reward(a))))
            .ToList();

        Assert.IsType<MultiTargetLayerNas>(state.Strategy);
        Assert.Equal(apart.Select(a => SearchResultBuilder.Build("s", a.Search, a.State, "finished").Best!.Architecture.ToList()),
            result.Targets.Select(t => t.Best!.Architecture.ToList()));
        Assert.Equal(apart.Select(a => a.State.TrialsCreated), result.Targets.Select(t => t.Trials));
        Assert.True(state.TrialsCreated < apart.Sum(a => a.State.TrialsCreated), $"{state.TrialsCreated} trials against {apart.Sum(a => a.State.TrialsCreated)} apart");
        Assert.False(together.InAnyTarget(6.5));
        Assert.True(together.InAnyTarget(10));
    }

    private static SearchState Simulate(CompiledSearch search, int slots, SchedulingScenario scenario, int variant)
    {
        var state = search.NewState();
        SlotSimulation.Run(state, slots, a => scenario.Seconds(a, variant), a => scenario.Train(search.Problem.Space, a));
        return state;
    }

    private static string Fingerprint(CompiledSearch search, SearchState state)
    {
        var result = SearchResultBuilder.Build("s", search, state, "finished");
        var trained = string.Join(' ', state.Settled.Select(t => $"{t.Architecture}={t.Outcome?.Reward:R}").Order(StringComparer.Ordinal));
        return $"{trained}\n{Google.Protobuf.JsonFormatter.Default.Format(result)}";
    }
}
