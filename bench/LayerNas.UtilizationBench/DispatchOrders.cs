using System.Globalization;
using LayerNas.Core.Search;
using LayerNas.Core.Simulation;
using LayerNas.Core.Specs;
using LayerNas.Core.Synthetic;

namespace LayerNas.UtilizationBench;

/// <summary>
/// Compares dispatch orders without running anything: the workload's search simulated with no overhead on each slot
/// count, trials lasting what the synthetic trainer would make them last, once per schedule and order.
/// </summary>
internal static class DispatchOrders
{
    public static void Print(UtilizationOptions options)
    {
        Console.WriteLine("simulated slot efficiency (no overhead) by dispatch order");
        Console.WriteLine($"schedule   order                            {string.Join(' ', options.Slots.Select(s => $"{s,6}"))}");
        foreach (var schedule in options.Schedules)
        {
            var spec = UtilizationSpec.Create(options, schedule, "dispatch-orders");
            var search = SearchFactory.Compile(spec, (path, _) => throw new InvalidOperationException($"the harness's spec reads no table ({path})"));
            var space = search.Problem.Space;
            var duration = new SyntheticDuration(options.Seconds, options.SecondsPerCost, options.Jitter, spec.Trainer.Synthetic.Seed);
            var reward = new SyntheticReward(spec.Trainer.Synthetic.Seed);
            var orders = new (string Name, Func<Trial, double> Priority)[]
            {
                ("trial number", _ => 0),
                ("longest first (durations known)", t => -duration.For(space, t.Architecture)),
                ("dearest first", t => -search.Problem.CostModel.Cost(t.Architecture)),
                ("depth, then dearest (used)", t => t.Priority),
            };
            foreach (var (name, priority) in orders)
            {
                var efficiencies = options.Slots.Select(slots => SlotSimulation.Run(search.NewState(), slots,
                    a => duration.For(space, a), a => TrialOutcome.Of(reward.Reward(space, a)), priority).Efficiency);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{schedule,-10} {name,-32} {string.Join(' ', efficiencies.Select(e => $"{e,6:0.000}"))}"));
            }
        }
    }
}
