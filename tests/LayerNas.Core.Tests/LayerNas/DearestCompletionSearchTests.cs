using System.Globalization;
using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.LayerNas;

/// <summary>The dearest completion inside the target equals what enumerating every completion finds, for each cost model.</summary>
public sealed class DearestCompletionSearchTests
{
    [Fact]
    public void Additive_integer_costs_with_many_ties_match_brute_force()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var space = WithRandomDefaults(random, TestSpaces.RandomSpace(random, layers: random.Next(1, 6), options: random.Next(1, 6), maxCost: 4));
            AssertMatchesBruteForce(RandomTarget(random, space, new AdditiveCostModel(space)), random);
        }
    }

    [Fact]
    public void Additive_fractional_costs_match_brute_force()
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(100 + seed);
            var space = new SearchSpace(Enumerable.Range(0, random.Next(1, 6)).Select(l => TestSpaces.Layer(
                $"l{l}", [.. Enumerable.Range(0, random.Next(1, 6)).Select(o => ($"o{o}", Math.Round(random.NextDouble() * 10, 3)))])));
            AssertMatchesBruteForce(RandomTarget(random, space, new AdditiveCostModel(space)), random);
        }
    }

    [Theory]
    [InlineData("nats-size", "macs")]
    [InlineData("nats-size", "params")]
    [InlineData("mobilenet-v2", "macs")]
    public void Conv_macs_costs_match_brute_force(string kind, string metric)
    {
        for (var seed = 0; seed < 25; seed++)
        {
            var random = new Random(200 + seed);
            var layers = random.Next(1, 5);
            var space = kind == "nats-size"
                ? BuiltInSpaces.NatsSize([.. new[] { 8, 16, 24, 32, 48, 64 }.Where(_ => random.Next(2) == 0).DefaultIfEmpty(8)], layers)
                : BuiltInSpaces.MobileNetV2([3, 5], [1, 6], [8, 16], layers);
            var model = ConvMacsCostModel.Create(new Protocol.V1.ConvMacsCost { Space = kind, Metric = metric }, space);
            AssertMatchesBruteForce(RandomTarget(random, space, model), random);
        }
    }

    [Fact]
    public void Chain_costs_whose_terms_depend_on_the_previous_option_match_brute_force()
    {
        // Small integer terms: many prefixes share a depth and a cost but leave different states behind.
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(400 + seed);
            var space = WithRandomDefaults(random, TestSpaces.RandomSpace(random, layers: random.Next(1, 5), options: random.Next(1, 5), maxCost: 1));
            AssertMatchesBruteForce(RandomTarget(random, space, new PairwiseChainCost(space, random)), random);
        }
    }

    [Fact]
    public void Table_costs_match_brute_force()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(300 + seed);
            var space = WithRandomDefaults(random, TestSpaces.RandomSpace(random, layers: random.Next(1, 5), options: random.Next(1, 5), maxCost: 1));
            // Few distinct costs, unrelated to the layers: ties everywhere and no structure to lean on.
            var rows = space.Enumerate().Select(a => $"{space.Key(a)},{random.Next(0, 12).ToString(CultureInfo.InvariantCulture)}");
            var table = BenchmarkTable.Parse("arch,cost\n" + string.Join('\n', rows), "arch");
            AssertMatchesBruteForce(RandomTarget(random, space, new TableCostModel(space, table, "cost")), random);
        }
    }

    [Fact]
    public void A_complete_architecture_is_its_own_completion_when_it_lies_in_the_target()
    {
        var problem = TestSpaces.Additive(TestSpaces.Burger(), 7, 9);
        var search = new DearestCompletionSearch(problem);
        Assert.Equal(new Architecture([1, 2, 1]), search.Find(new Architecture([1, 2, 1])));
        Assert.Null(search.Find(new Architecture([3, 3, 3])));
    }

    [Fact]
    public void The_burger_is_completed_as_dear_as_the_budget_allows()
    {
        var space = TestSpaces.Burger();
        var search = new DearestCompletionSearch(TestSpaces.Additive(space, 0, 9));
        // A $1 bun leaves $8: wagyu and truffle. A $4 bun leaves $5: of the $5 pairs, bean + truffle comes first.
        Assert.Equal(["plain", "wagyu", "truffle"], space.Names(search.Find(new Architecture([0]))!));
        Assert.Equal(["pretzel", "bean", "truffle"], space.Names(search.Find(new Architecture([3]))!));
    }

    private static void AssertMatchesBruteForce(SearchProblem problem, Random random)
    {
        var search = new DearestCompletionSearch(problem);
        var all = problem.Space.Enumerate().ToList();
        for (var sample = 0; sample < 30; sample++)
        {
            var prefix = all[random.Next(all.Count)].Prefix(random.Next(0, problem.Space.Depth + 1));
            var expected = BruteForce(problem, prefix);
            var found = search.Find(prefix);
            Assert.True(Equals(expected, found), $"prefix {prefix}, target [{problem.Target.Min}, {problem.Target.Max}]: expected {expected}, got {found}");
        }
    }

    private static Architecture? BruteForce(SearchProblem problem, Architecture prefix) => problem.Space.Enumerate()
        .Where(a => a.Choices[..prefix.Length].SequenceEqual(prefix.Choices))
        .Where(a => Enumerable.Range(prefix.Length, a.Length - prefix.Length).All(l => problem.Space.Layers[l].DefaultOption is not { } d || a[l] == d))
        .Where(problem.IsFeasible)
        .OrderByDescending(problem.CostModel.Cost)
        .ThenBy(a => a)
        .FirstOrDefault();

    private static SearchProblem RandomTarget(Random random, SearchSpace space, ICostModel model)
    {
        var costs = space.Enumerate().Select(model.Cost).Order().ToArray();
        var low = random.Next(3) == 0 ? costs[random.Next(costs.Length)] : 0;
        var high = Math.Max(low, costs[random.Next(costs.Length)]);
        return new SearchProblem(space, model, new CostTarget(low, high));
    }

    /// <summary>cost = Σ term(layer, previous option, option), with bounds by enumerating the completions.</summary>
    private sealed class PairwiseChainCost : ICostModel, IChainCost
    {
        private readonly SearchSpace _space;
        private readonly int[][][] _terms;

        public PairwiseChainCost(SearchSpace space, Random random)
        {
            _space = space;
            _terms = [.. space.Layers.Select((layer, i) => Enumerable.Range(0, i == 0 ? 1 : space.OptionCount(i - 1))
                .Select(_ => Enumerable.Range(0, layer.Options.Length).Select(_ => random.Next(0, 4)).ToArray()).ToArray())];
        }

        public double Start => 1;

        public int State(int layer, int option) => option;

        public double Step(int layer, int state, int option) => _terms[layer][state][option];

        public CostBounds Suffix(int depth, int state)
        {
            var bounds = CostBounds.None;
            foreach (var suffix in Suffixes(depth))
            {
                var cost = 0.0;
                var previous = state;
                for (var i = 0; i < suffix.Length; i++)
                {
                    cost += _terms[depth + i][previous][suffix[i]];
                    previous = suffix[i];
                }
                bounds = bounds.Union(new CostBounds(cost, cost));
            }
            return bounds;
        }

        public double Cost(Architecture architecture) => Price(architecture);

        public CostBounds CompletionBounds(Architecture prefix)
        {
            var costs = _space.Enumerate().Where(a => a.Choices[..prefix.Length].SequenceEqual(prefix.Choices)).Select(Price).ToList();
            return new CostBounds(costs.Min(), costs.Max());
        }

        private double Price(Architecture architecture)
        {
            var cost = Start;
            for (var layer = 0; layer < architecture.Length; layer++)
            {
                cost += _terms[layer][layer == 0 ? 0 : architecture[layer - 1]][architecture[layer]];
            }
            return cost;
        }

        private IEnumerable<int[]> Suffixes(int layer) => layer == _space.Depth
            ? [[]]
            : Suffixes(layer + 1).SelectMany(rest => Enumerable.Range(0, _space.OptionCount(layer)).Select(o => (int[])[o, .. rest]));
    }

    private static SearchSpace WithRandomDefaults(Random random, SearchSpace space) =>
        new(space.Layers.Select(l => random.Next(4) == 0 ? l with { DefaultOption = random.Next(l.Options.Length) } : l));
}
