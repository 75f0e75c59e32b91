using LayerNas.Core.Baselines;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;
using LayerNas.Core.Synthetic;

namespace LayerNas.Core.Tests.Baselines;

/// <summary>The learning baselines must learn: on a space with structure they beat random search at equal budgets.</summary>
public sealed class BaselineComparisonTests
{
    private const int Seeds = 40;
    private const int Budget = 300;

    [Fact]
    public void Evolution_reinforce_and_ppo_beat_random_search_with_their_default_settings()
    {
        // 6 layers of 5 options costing 1..5, capped at cost 20 of 30: 15,625 architectures, the best ones cut off by
        // the target. Rewards are synthetic with interactions; everything is seeded, so the comparison is exact.
        var space = new SearchSpace(Enumerable.Range(0, 6).Select(l => TestSpaces.Layer($"l{l}", [.. Enumerable.Range(0, 5).Select(o => ($"o{o}", (double)(o + 1)))])));
        var problem = TestSpaces.Additive(space, 0, 20);
        var regret = new Dictionary<string, double[]> { ["random"] = new double[Seeds], ["evolution"] = new double[Seeds], ["reinforce"] = new double[Seeds], ["ppo"] = new double[Seeds] };
        for (var seed = 0; seed < Seeds; seed++)
        {
            var reward = new SyntheticReward((ulong)seed + 1000);
            var optimum = space.Enumerate().Where(problem.IsFeasible).Max(a => reward.Reward(space, a));
            foreach (var name in regret.Keys)
            {
                ISearchStrategy strategy = name switch
                {
                    "random" => new RandomSearch(problem, (ulong)seed),
                    "evolution" => new RegularizedEvolution(problem, (ulong)seed),
                    "reinforce" => new ReinforceSearch(problem, (ulong)seed),
                    _ => new PpoSearch(problem, (ulong)seed),
                };
                var state = TestSpaces.Drive(new SearchState(problem, strategy, Budget), a => reward.Reward(space, a), seed);
                regret[name][seed] = optimum - state.Settled.Max(t => t.Outcome!.Reward);
            }
        }
        var summary = string.Join(", ", regret.Select(r => $"{r.Key} {r.Value.Average():F4} (wins {Wins(r.Value, regret["random"])})"));

        // Were the strategies no better than random, 26 or more wins of 40 would happen by chance about 4% of the time.
        Assert.True(regret["evolution"].Average() < 0.5 * regret["random"].Average(), summary);
        Assert.True(regret["reinforce"].Average() < 0.75 * regret["random"].Average(), summary);
        Assert.True(Wins(regret["evolution"], regret["random"]) >= 28, summary);
        Assert.True(Wins(regret["reinforce"], regret["random"]) >= 26, summary);
        Assert.True(regret["ppo"].Average() < 0.75 * regret["random"].Average(), summary);
        Assert.True(Wins(regret["ppo"], regret["random"]) >= 26, summary);
    }

    private static int Wins(double[] regret, double[] baseline) => regret.Zip(baseline).Count(p => p.First < p.Second);
}
