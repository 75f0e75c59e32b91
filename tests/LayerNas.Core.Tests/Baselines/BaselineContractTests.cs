using LayerNas.Core.Baselines;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Synthetic;

namespace LayerNas.Core.Tests.Baselines;

/// <summary>What every baseline owes the search state: determinism, feasibility, order independence, budgets, recovery.</summary>
public sealed class BaselineContractTests
{
    private static readonly SyntheticReward Reward = new(11);

    private static SearchState Run(string name, SearchProblem problem, ulong seed, long? maxTrials, int shuffleSeed, Func<Architecture, double?>? reward = null) =>
        TestSpaces.Drive(new SearchState(problem, Baselines.Create(name, problem, seed), maxTrials), reward ?? (a => Reward.Reward(problem.Space, a)), shuffleSeed);

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void The_same_seed_gives_the_same_trials(string name)
    {
        var problem = Baselines.MidTarget();
        var first = Baselines.History(Run(name, problem, seed: 5, maxTrials: 60, shuffleSeed: 1));
        var second = Baselines.History(Run(name, problem, seed: 5, maxTrials: 60, shuffleSeed: 1));
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Baselines.Seeded), MemberType = typeof(Baselines))]
    public void Different_seeds_give_different_trials(string name)
    {
        var problem = Baselines.MidTarget();
        var first = Baselines.History(Run(name, problem, seed: 5, maxTrials: 30, shuffleSeed: 1)).Select(t => t.Architecture);
        var second = Baselines.History(Run(name, problem, seed: 6, maxTrials: 30, shuffleSeed: 1)).Select(t => t.Architecture);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void Only_architectures_inside_the_target_are_trained(string name)
    {
        var problem = Baselines.MidTarget();
        var state = Run(name, problem, seed: 3, maxTrials: 80, shuffleSeed: 2);
        Assert.NotEmpty(state.Settled);
        Assert.All(state.Settled, t => Assert.True(problem.IsFeasible(t.Architecture), $"{t.Architecture} costs {t.Cost}"));
    }

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void Completion_order_and_batching_do_not_change_the_trials(string name)
    {
        var problem = Baselines.MidTarget();
        var inOrder = Baselines.History(Run(name, problem, seed: 9, maxTrials: 70, shuffleSeed: 0));
        for (var shuffle = 1; shuffle <= 5; shuffle++)
        {
            Assert.Equal(inOrder, Baselines.History(Run(name, problem, seed: 9, maxTrials: 70, shuffleSeed: shuffle)));
        }
    }

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void Failed_trials_do_not_break_order_independence(string name)
    {
        var problem = Baselines.MidTarget();
        double? FlakyReward(Architecture a) => a[0] == 1 ? null : Reward.Reward(problem.Space, a);
        var inOrder = Baselines.History(Run(name, problem, seed: 9, maxTrials: 70, shuffleSeed: 0, FlakyReward));
        Assert.Contains(inOrder, t => t.Reward is null);
        Assert.Equal(inOrder, Baselines.History(Run(name, problem, seed: 9, maxTrials: 70, shuffleSeed: 4, FlakyReward)));
    }

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void The_trial_budget_bounds_the_search(string name)
    {
        var problem = Baselines.MidTarget();
        Assert.True(Baselines.Feasible(problem).Count > 25);
        var state = Run(name, problem, seed: 1, maxTrials: 25, shuffleSeed: 3);
        Assert.Equal(25, state.TrialsCreated);
        Assert.Equal(25, state.Settled.Count);
    }

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void A_search_ends_by_itself_once_every_feasible_architecture_was_tried(string name)
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 11, 12);
        var feasible = Baselines.Feasible(problem);
        Assert.Equal(4, feasible.Count);
        var state = Run(name, problem, seed: 2, maxTrials: 1_000, shuffleSeed: 1);
        Assert.Equal(feasible, state.Settled.Select(t => t.Architecture).Order());
        Assert.True(state.Strategy.IsDone);
    }

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void An_unreachable_target_proposes_nothing(string name)
    {
        var problem = TestSpaces.Additive(TestSpaces.Burger(), 20, 30);
        var state = new SearchState(problem, Baselines.Create(name, problem, 1), 50);
        Assert.Empty(state.TakeNewTrials());
        Assert.True(state.IsDone);
    }

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void Replaying_the_first_results_rebuilds_the_same_search(string name)
    {
        var problem = Baselines.MidTarget();
        var original = Run(name, problem, seed: 4, maxTrials: 60, shuffleSeed: 1);
        var recovered = new SearchState(problem, Baselines.Create(name, problem, 4), 60);
        foreach (var trial in original.Settled.Where(t => t.Number <= 33))
        {
            recovered.Recover(trial.Architecture, trial.Outcome, trial.FailureReason, trial.Attempts);
        }
        var trained = 0;
        var resumed = TestSpaces.Drive(recovered, a => { trained++; return Reward.Reward(problem.Space, a); }, shuffleSeed: 8);
        Assert.Equal(Baselines.History(original), Baselines.History(resumed));
        // A policy that has converged re-proposes what it trained, so the proposal cap may end a search short of 60.
        Assert.InRange(original.TrialsCreated, 34, 60);
        Assert.Equal(original.TrialsCreated - 33, trained);
    }

    [Theory]
    [MemberData(nameof(Baselines.Names), MemberType = typeof(Baselines))]
    public void Progress_counts_reports_of_a_single_stage(string name)
    {
        var problem = Baselines.MidTarget();
        var strategy = Baselines.Create(name, problem, 1);
        var round = strategy.Propose();
        Assert.Equal(new(1, 1, 0, name == "grid" ? Baselines.Feasible(problem).Count : round.Count), strategy.Progress);
        strategy.Report(round[0], 0.5);
        Assert.Equal(1, strategy.Progress.Done);
    }
}
