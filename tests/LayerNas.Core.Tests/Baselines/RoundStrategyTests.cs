using LayerNas.Core.Baselines;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.Baselines;

public sealed class RoundStrategyTests
{
    private static readonly SearchProblem Unconstrained = TestSpaces.Additive(TestSpaces.RandomSpace(new Random(2), 4, 4, 5), 0, 100);

    public static TheoryData<string> Strategies => ["evolution", "reinforce", "ppo"];

    private static RoundStrategy Create(string name) => name switch
    {
        "evolution" => new RegularizedEvolution(Unconstrained, 1),
        "reinforce" => new ReinforceSearch(Unconstrained, 1),
        _ => new PpoSearch(Unconstrained, 1),
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Refuses_reports_of_architectures_it_did_not_propose(string name)
    {
        var strategy = Create(name);
        var stranger = new Architecture([0, 0, 0, 0]);
        Assert.Contains("no round was open", Assert.Throws<InvalidOperationException>(() => strategy.Report(stranger, 1)).Message);
        var round = strategy.Propose();
        var outsider = Enumerable.Range(0, 256).Select(i => new Architecture([i % 4, i / 4 % 4, i / 16 % 4, i / 64])).First(a => !round.Contains(a));
        Assert.Contains("was not proposed in this round", Assert.Throws<InvalidOperationException>(() => strategy.Report(outsider, 1)).Message);
        strategy.Report(round[0], 1);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Proposes_nothing_more_until_the_whole_round_is_reported(string name)
    {
        var strategy = Create(name);
        var round = strategy.Propose();
        foreach (var architecture in round.Skip(1))
        {
            strategy.Report(architecture, 0.5);
        }

        Assert.Empty(strategy.Propose());
        strategy.Report(round[0], 0.5);
        Assert.NotEmpty(strategy.Propose());
        Assert.Equal(round.Count, strategy.Progress.Done);
    }
}
