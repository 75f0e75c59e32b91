using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;
using LayerNas.Core.Tests.Specs;

namespace LayerNas.Core.Tests.Search;

/// <summary>Whole searches compiled from specs: LayerNAS against the grid's exhaustive optimum, and every strategy on the example table.</summary>
public sealed class SpecSearchTests
{
    private static string ExamplesDir => Path.Combine(AppContext.BaseDirectory, "examples");

    private static BenchmarkTable LoadTable(string path, string key) =>
        BenchmarkTable.Parse(File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(ExamplesDir, path)), key);

    private static SearchSpec TableSpec(string strategyJson)
    {
        var spec = SpecParser.Parse(File.ReadAllText(Path.Combine(ExamplesDir, "cnn-table.json")));
        spec.Strategy = SpecParser.Parse($"{{\"layers\":[], \"strategy\": {strategyJson}}}").Strategy;
        return spec;
    }

    private static (SearchResult Result, List<Architecture> Trained) Run(CompiledSearch compiled, Func<Architecture, double> reward, int shuffleSeed = 0)
    {
        var trained = new List<Architecture>();
        var state = TestSpaces.Drive(compiled.NewState(), a =>
        {
            trained.Add(a);
            return reward(a);
        }, shuffleSeed);
        return (SearchResultBuilder.Build("s-test", compiled, state, "finished"), trained);
    }

    private static Func<Architecture, double> TableReward(CompiledSearch compiled, BenchmarkTable table) =>
        a => table.Value(compiled.Problem.Space.Key(a), "val_acc")!.Value;

    [Fact]
    public void LayerNas_finds_the_grid_optimum_when_layers_are_independent()
    {
        var random = new Random(7);
        for (var round = 0; round < 25; round++)
        {
            var layers = random.Next(2, 5);
            var options = random.Next(2, 6);
            var space = TestSpaces.RandomSpace(random, layers, options, 9);
            var costs = space.Enumerate().Select(a => new AdditiveCostModel(space).Cost(a)).Order().ToList();
            var min = costs[random.Next(costs.Count / 2)];
            var max = costs[costs.Count / 2 + random.Next(costs.Count / 2)];
            var reward = TestSpaces.AdditiveReward(space, round);
            var spec = SpecOf(space, min, max, "{\"layernas\": {\"buckets\": 64}}");
            var grid = SpecOf(space, min, max, "{\"grid\": {}}");
            var layerNas = SearchFactory.Compile(spec, SpecJson.NoTables);

            var (found, trained) = Run(layerNas, reward, round);
            var (truth, _) = Run(SearchFactory.Compile(grid, SpecJson.NoTables), reward);

            Assert.Equal(truth.Best.Reward, found.Best.Reward, 9);
            Assert.InRange(found.Best.Cost, min, max);
            Assert.True(trained.Count <= new Core.LayerNas.LayerNasOptions(Buckets: 64).TrialBound(space), $"{trained.Count} trials");
        }
    }

    [Theory]
    [InlineData("{\"layernas\": {\"buckets\": 10}}")]
    [InlineData("{\"grid\": {}}")]
    [InlineData("{\"random\": {}, \"seed\": 3, \"maxTrials\": 40}")]
    [InlineData("{\"evolution\": {\"population\": 10, \"sampleSize\": 3}, \"seed\": 3, \"maxTrials\": 40}")]
    [InlineData("{\"reinforce\": {}, \"seed\": 3, \"maxTrials\": 40}")]
    [InlineData("{\"ppo\": {\"clip\": 0.1, \"epochs\": 3}, \"seed\": 3, \"maxTrials\": 40}")]
    public void Every_strategy_searches_the_example_table_within_budget(string strategy)
    {
        var spec = TableSpec(strategy);
        var compiled = SearchFactory.Compile(spec, LoadTable);
        var table = LoadTable(spec.Trainer.Tabular.Path, "arch");

        var (result, trained) = Run(compiled, TableReward(compiled, table), shuffleSeed: 5);

        Assert.InRange(result.Best.Cost, 0, spec.Target.Max);
        Assert.Equal(result.Best.Reward, table.Value(string.Join(':', result.Best.Architecture), "val_acc"));
        Assert.Equal(trained.Count, result.TrialsTrained);
        Assert.All(trained, a => Assert.True(compiled.Problem.IsFeasible(a) || strategy.Contains("layernas")));
        if (spec.Strategy.HasMaxTrials)
        {
            Assert.True(trained.Count <= spec.Strategy.MaxTrials);
        }
    }

    [Theory]
    [InlineData("random")]
    [InlineData("evolution")]
    [InlineData("reinforce")]
    [InlineData("ppo")]
    public void Same_seed_trains_the_same_trials_and_another_seed_others(string name)
    {
        List<Architecture> Trials(ulong seed, int shuffle)
        {
            var spec = SpecOverrides.Apply(TableSpec("{\"layernas\": {}}"), name, seed, 30);
            var compiled = SearchFactory.Compile(spec, LoadTable);
            var table = LoadTable(spec.Trainer.Tabular.Path, "arch");
            var state = TestSpaces.Drive(compiled.NewState(), a => TableReward(compiled, table)(a), shuffle);
            Assert.Equal(30, state.TrialsTrained);
            return [.. state.Settled.OrderBy(t => t.Number).Select(t => t.Architecture)];
        }

        Assert.Equal(Trials(11, 1), Trials(11, 2));
        Assert.NotEqual(Trials(11, 1), Trials(12, 1));
    }

    private static SearchSpec SpecOf(SearchSpace space, double min, double max, string strategy)
    {
        var layers = string.Join(",", space.Layers.Select(l =>
            $"{{\"name\": \"{l.Name}\", \"options\": [{string.Join(",", l.Options.Select(o => $"{{\"name\": \"{o.Name}\", \"cost\": {o.Cost}}}"))}]}}"));
        return SpecParser.Parse(
            $"{{\"name\": \"random\", \"layers\": [{layers}], \"cost\": {{\"additive\": {{}}}}, " +
            $"\"target\": {{\"min\": {min}, \"max\": {max}}}, \"strategy\": {strategy}, " +
            "\"trainer\": {\"synthetic\": {\"seed\": 1}}}");
    }
}
