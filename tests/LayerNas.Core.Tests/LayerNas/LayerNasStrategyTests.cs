using LayerNas.Core.Costs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.LayerNas;

public sealed class LayerNasStrategyTests
{
    private static SearchState NewSearch(SearchProblem problem, LayerNasOptions options, long? maxTrials = null) =>
        new(problem, new LayerNasStrategy(problem, options), maxTrials);

    private static SettledTrial? Best(SearchState state) => state.Settled
        .Where(t => t.Succeeded && state.Problem.Target.Contains(t.Cost))
        .OrderByDescending(t => t.Outcome!.Reward)
        .ThenBy(t => t.Architecture)
        .FirstOrDefault();

    [Fact]
    public void Burger_follows_the_worked_example_of_the_design()
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 7, 9);
        var reward = TestSpaces.InteractingReward(space, 3);
        var state = TestSpaces.Drive(NewSearch(problem, new LayerNasOptions(Buckets: 4)), a => reward(a));
        var strategy = (LayerNasStrategy)state.Strategy;

        Assert.Equal(3, strategy.Statistics.Count);
        var (depth1, depth2, depth3) = (strategy.Statistics[0], strategy.Statistics[1], strategy.Statistics[2]);
        Assert.Equal((4, 0, 4), (depth1.Children, depth1.Pruned, depth1.Evaluated));
        Assert.Equal(4, depth1.Kept);
        // Of the 16 depth-2 children only plain+bean ($2) cannot reach $7.
        Assert.Equal((16, 1, 15), (depth2.Children, depth2.Pruned, depth2.Evaluated));
        Assert.Equal(4, depth2.Kept);
        Assert.True(depth3.Children <= 16);
        Assert.True(state.TrialsTrained <= 36, $"trained {state.TrialsTrained}");
        // A depth-2 child completed with the default topping is the completion its depth-1 parent already trained.
        Assert.True(state.TrialsCached > 0);
        var best = Best(state);
        Assert.NotNull(best);
        Assert.InRange(best.Cost, 7, 9);
    }

    [Fact]
    public void The_most_expensive_completion_fills_open_layers_with_the_dearest_options()
    {
        var space = TestSpaces.Burger();
        var strategy = new LayerNasStrategy(TestSpaces.Additive(space, 7, 9), new LayerNasOptions(Buckets: 4, Completion: CompletionPolicy.MostExpensive));
        Assert.Equal([3, 3, 3], ((FixedCompletion)strategy.Completion).Defaults);
        var first = strategy.Propose();
        Assert.Equal(["plain", "wagyu", "truffle"], space.Names(first[0]));

        var cheapest = new LayerNasStrategy(TestSpaces.Additive(space, 0, 100), new LayerNasOptions(Buckets: 4, Completion: CompletionPolicy.Cheapest));
        Assert.Equal([0, 0, 0], ((FixedCompletion)cheapest.Completion).Defaults);
    }

    [Fact]
    public void Feasible_completions_by_default_train_only_candidate_answers_from_the_first_trial_on()
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 0, 6);
        var reward = TestSpaces.InteractingReward(space, 4);
        var dearest = TestSpaces.Drive(NewSearch(problem, new LayerNasOptions(Buckets: 4, Completion: CompletionPolicy.MostExpensive)), a => reward(a));
        var feasible = TestSpaces.Drive(NewSearch(problem, new LayerNasOptions(Buckets: 4)), a => reward(a));

        // Completed with wagyu and truffle, every depth-1 burger costs $9 or more; completed feasibly, each costs $6.
        Assert.All(dearest.Settled.Where(t => t.Number <= 4), t => Assert.False(problem.IsFeasible(t.Architecture)));
        Assert.All(feasible.Settled, t => Assert.True(problem.IsFeasible(t.Architecture), $"{t.Architecture} costs {t.Cost}"));
        Assert.Equal(["plain", "bean", "truffle"], space.Names(feasible.Settled.Single(t => t.Number == 1).Architecture));
    }

    [Fact]
    public void A_feasible_completion_falls_back_to_the_most_expensive_one_when_no_completion_lands_in_the_target()
    {
        // Options cost 1 or 10: an architecture costs 2, 11 or 20. A large first layer cannot reach [5, 6] and is pruned;
        // a small one can, by its bounds [2, 11], yet none of its completions lands there.
        var layer = TestSpaces.Layer("l", ("small", 1), ("large", 10));
        var space = new SearchSpace([layer, layer with { Name = "m" }]);
        var strategy = new LayerNasStrategy(TestSpaces.Additive(space, 5, 6), new LayerNasOptions(Buckets: 2, Completion: CompletionPolicy.Feasible));
        Assert.Equal(["small:large"], strategy.Propose().Select(space.Key));
    }

    [Fact]
    public void A_layer_default_overrides_the_completion_policy()
    {
        var layers = TestSpaces.Burger().Layers.ToArray();
        layers[2] = layers[2] with { DefaultOption = 1 };
        var space = new SearchSpace(layers);
        var strategy = new LayerNasStrategy(TestSpaces.Additive(space, 0, 100), new LayerNasOptions(Buckets: 4, Completion: CompletionPolicy.MostExpensive));
        Assert.Equal([3, 3, 1], ((FixedCompletion)strategy.Completion).Defaults);
        // The feasible completion keeps it too: of the dearest burgers with cheddar, the $10 one.
        var feasible = new LayerNasStrategy(TestSpaces.Additive(space, 0, 10), new LayerNasOptions(Buckets: 4));
        Assert.Equal(["plain", "wagyu", "cheddar"], space.Names(feasible.Completion.Complete(new Architecture([0]))));
    }

    public static TheoryData<CompletionPolicy> Policies => [.. Enum.GetValues<CompletionPolicy>()];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Finds_the_exact_constrained_optimum_when_layers_are_independent_and_buckets_fine(CompletionPolicy completion)
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var space = TestSpaces.RandomSpace(random, layers: random.Next(2, 6), options: random.Next(2, 6), maxCost: 6);
            var span = new AdditiveCostModel(space).CompletionBounds(Architecture.Empty);
            var low = random.Next((int)span.Min, (int)span.Max + 1);
            var high = random.Next(low, (int)span.Max + 1);
            var problem = TestSpaces.Additive(space, low, high);
            var reward = TestSpaces.AdditiveReward(space, seed);

            // One bucket per integer prefix cost: buckets fine enough to separate every distinct prefix cost.
            var state = TestSpaces.Drive(NewSearch(problem, new LayerNasOptions(Buckets: (int)span.Max + 1, Completion: completion)), a => reward(a), seed);

            var optimum = TestSpaces.Optimum(problem, reward);
            Assert.Equal(optimum, Best(state)?.Outcome!.Reward);
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Never_trains_more_than_the_bound_of_the_design(CompletionPolicy completion)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(1000 + seed);
            var space = TestSpaces.RandomSpace(random, layers: random.Next(2, 7), options: random.Next(2, 7), maxCost: 9);
            var span = new AdditiveCostModel(space).CompletionBounds(Architecture.Empty);
            var problem = TestSpaces.Additive(space, span.Min + (span.Max - span.Min) * random.NextDouble() * 0.5, span.Max);
            var options = new LayerNasOptions(Buckets: random.Next(1, 8), KeepPerBucket: random.Next(1, 4), Completion: completion);
            var reward = TestSpaces.InteractingReward(space, seed);

            var state = TestSpaces.Drive(NewSearch(problem, options), a => reward(a), seed);

            Assert.True(state.TrialsTrained <= options.TrialBound(space), $"seed {seed}: {state.TrialsTrained} > {options.TrialBound(space)}");
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_answer_does_not_depend_on_the_order_results_arrive_in(CompletionPolicy completion)
    {
        var random = new Random(7);
        var space = TestSpaces.RandomSpace(random, layers: 5, options: 5, maxCost: 9);
        var problem = TestSpaces.Additive(space, 15, 30);
        var reward = TestSpaces.InteractingReward(space, 7);
        // The barrier numbers its trials the same whatever the order; the pipelined schedule trains the same set.
        string Run(Scheduling scheduling, int shuffle)
        {
            var state = TestSpaces.Drive(NewSearch(problem, new LayerNasOptions(Buckets: 6, KeepPerBucket: 2, Completion: completion, Scheduling: scheduling)), a => reward(a), shuffle);
            var trials = scheduling == Scheduling.Barrier
                ? state.Settled.OrderBy(t => t.Number).Select(t => $"{t.Number}={t.Architecture}")
                : state.Settled.Select(t => t.Architecture).Order().Select(a => a.ToString());
            return string.Join(' ', trials) + " best " + Best(state)?.Architecture;
        }

        var barrier = Run(Scheduling.Barrier, 0);
        var pipelined = Run(Scheduling.Pipelined, 0);
        for (var shuffle = 1; shuffle < 10; shuffle++)
        {
            Assert.Equal(barrier, Run(Scheduling.Barrier, shuffle));
            Assert.Equal(pipelined, Run(Scheduling.Pipelined, shuffle));
        }
    }

    [Fact]
    public void Every_trained_full_depth_architecture_lies_in_the_target()
    {
        var random = new Random(11);
        var space = TestSpaces.RandomSpace(random, layers: 4, options: 6, maxCost: 9);
        var problem = TestSpaces.Additive(space, 18, 22);
        var reward = TestSpaces.InteractingReward(space, 11);
        var state = TestSpaces.Drive(NewSearch(problem, new LayerNasOptions(Buckets: 5)), a => reward(a));
        var strategy = (LayerNasStrategy)state.Strategy;
        Assert.All(strategy.Table(space.Depth).Entries, e => Assert.True(problem.IsFeasible(e.Prefix)));
        Assert.True(strategy.Statistics.Sum(d => d.Pruned) > 0);
    }

    [Fact]
    public void Failed_trials_are_settled_and_the_search_goes_on()
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 7, 9);
        var reward = TestSpaces.InteractingReward(space, 5);
        // Every architecture with a sesame bun fails to train.
        var state = TestSpaces.Drive(NewSearch(problem, new LayerNasOptions(Buckets: 4)), a => a[0] == 1 ? null : reward(a));
        Assert.True(state.TrialsFailed > 0);
        var best = Best(state);
        Assert.NotNull(best);
        Assert.NotEqual(1, best.Architecture[0]);
        Assert.True(((LayerNasStrategy)state.Strategy).Statistics.Sum(d => d.Failed) > 0);
    }

    [Fact]
    public void A_target_nothing_can_reach_ends_the_search_without_training()
    {
        var space = TestSpaces.Burger();
        var state = TestSpaces.Drive(NewSearch(TestSpaces.Additive(space, 50, 60), new LayerNasOptions(Buckets: 4)), _ => 1.0);
        Assert.Equal(0, state.TrialsTrained);
    }

    [Fact]
    public void A_settled_bucket_is_expanded_while_the_rest_of_its_depth_still_trains()
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 7, 9);
        var pipelined = new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 4));
        var barrier = new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 4, Scheduling: Scheduling.Barrier));
        var depth1 = pipelined.Propose();
        Assert.Equal(depth1, barrier.Propose());

        // The plain bun alone fills the cheapest depth-1 bucket; once it is reported, nothing else can land there.
        pipelined.Report(depth1[0], 0.5);
        barrier.Report(depth1[0], 0.5);

        // Plain with bean cannot reach $7; plain with wagyu is completed as the plain bun was, and is proposed to be counted as cached.
        Assert.Equal(["plain:chicken:truffle", "plain:beef:truffle", "plain:wagyu:truffle"], pipelined.Propose().Select(a => string.Join(':', space.Names(a))));
        Assert.Empty(barrier.Propose());
        Assert.Equal(new(1, 3, 1, 4), pipelined.Progress);
        Assert.Equal((4, 1, 1), (pipelined.Statistics[1].Children, pipelined.Statistics[1].Pruned, pipelined.Statistics[1].Evaluated));
    }

    [Fact]
    public void Shallower_trials_come_first_and_within_a_depth_the_dearer_ones()
    {
        var space = TestSpaces.Burger();
        var problem = TestSpaces.Additive(space, 7, 9);
        var strategy = new LayerNasStrategy(problem, new LayerNasOptions(Buckets: 4, Completion: CompletionPolicy.MostExpensive));
        var depth1 = strategy.Propose();
        strategy.Report(depth1[0], 0.5);
        var depth2 = strategy.Propose();

        var pending = depth1.Skip(1).Concat(depth2.Take(2)).OrderBy(strategy.Priority).Select(a => string.Join(':', space.Names(a)));

        Assert.Equal(["pretzel:wagyu:truffle", "brioche:wagyu:truffle", "sesame:wagyu:truffle", "plain:beef:truffle", "plain:chicken:truffle"], pending);
        Assert.Equal(0, strategy.Priority(depth1[0]));
    }
}
