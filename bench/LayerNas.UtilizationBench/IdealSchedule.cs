using LayerNas.Core.Search;
using LayerNas.Core.Simulation;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.UtilizationBench;

/// <summary>The same search and schedule on the same slots with no overhead at all, each trial taking the time it was measured to take.</summary>
internal static class IdealSchedule
{
    public static SimulatedRun Of(SearchSpec spec, int slots, TrialTimeline measured)
    {
        var search = SearchFactory.Compile(spec, (path, _) => throw new InvalidOperationException($"the harness's spec reads no table ({path})"));
        var seconds = measured.Trials.ToDictionary(t => t.Architecture, t => t.Seconds);
        var reward = new Core.Synthetic.SyntheticReward(spec.Trainer.Synthetic.Seed);
        return SlotSimulation.Run(search.NewState(), slots,
            a => seconds.TryGetValue(a, out var s) ? s : throw new InvalidOperationException($"the simulated schedule trains {a}, which the measured run did not"),
            a => TrialOutcome.Of(reward.Reward(search.Problem.Space, a)));
    }
}
