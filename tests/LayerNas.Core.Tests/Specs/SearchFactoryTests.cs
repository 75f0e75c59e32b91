using LayerNas.Core.Costs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Specs;

public sealed class SearchFactoryTests
{
    [Fact]
    public void Strategy_names_are_the_kinds_a_spec_may_choose() =>
        Assert.Equal(["layernas", "random", "evolution", "reinforce", "grid", "ppo"], SearchFactory.StrategyNames);

    [Fact]
    public void The_burger_compiles_to_its_worked_example_and_runs_to_the_end()
    {
        var compiled = SearchFactory.Compile(SpecParser.Parse(SpecJson.BurgerText), SpecJson.NoTables);

        Assert.Equal(new CostTarget(7, 9), compiled.Problem.Target);
        Assert.IsType<AdditiveCostModel>(compiled.Problem.CostModel);
        Assert.Equal(64, compiled.Problem.Space.Size);
        Assert.Null(compiled.MaxTrials);
        var reward = TestSpaces.InteractingReward(compiled.Problem.Space, 1);
        var state = TestSpaces.Drive(compiled.NewState(), a => reward(a));
        var strategy = Assert.IsType<LayerNasStrategy>(state.Strategy);
        Assert.Equal(4, strategy.FinalBuckets.Buckets);
        Assert.Equal(3, strategy.Statistics.Count);
        Assert.InRange(state.TrialsTrained, 1, 36);
        var result = SearchResultBuilder.Build("burger", compiled, state, "finished");
        Assert.Equal("gburger", result.Name);
        Assert.InRange(result.Best.Cost, 7, 9);
    }

    [Fact]
    public void Each_new_strategy_starts_afresh()
    {
        var compiled = SearchFactory.Compile(SpecParser.Parse(SpecJson.BurgerText), SpecJson.NoTables);

        Assert.NotSame(compiled.NewStrategy(), compiled.NewStrategy());
        Assert.Equal(compiled.NewState().TakeNewTrials().Select(t => t.Architecture), compiled.NewState().TakeNewTrials().Select(t => t.Architecture));
    }

    [Fact]
    public void Max_trials_and_layernas_settings_come_from_the_spec()
    {
        var json = SpecJson.Burger(("strategy", "{\"layernas\": {\"buckets\": 7, \"keepPerBucket\": 2, \"spacing\": \"log\", \"completion\": \"cheapest\"}, \"maxTrials\": 20}"));

        var compiled = SearchFactory.Compile(SpecParser.Parse(json), SpecJson.NoTables);

        Assert.Equal(20, compiled.MaxTrials);
        // The budget travels with the options: LayerNAS plans its passes for it.
        Assert.Equal(new LayerNasOptions(7, 2, BucketSpacing.Log, CompletionPolicy.Cheapest, Scheduling.Pipelined, 20), SearchFactory.LayerNasOptionsOf(compiled.Spec.Strategy.Layernas, 20));
        // The cheapest completion of the burger is plain, bean, lettuce: every default option is the first.
        Assert.Equal([0, 0, 0], ((FixedCompletion)((LayerNasStrategy)compiled.NewStrategy()).Completion).Defaults);
    }

    [Fact]
    public void Absent_layernas_settings_take_the_engine_defaults() =>
        Assert.Equal(new LayerNasOptions(), SearchFactory.LayerNasOptionsOf(new LayerNasSettings(), maxTrials: null));

    [Theory]
    [InlineData("first", CompletionPolicy.First)]
    [InlineData("feasible", CompletionPolicy.Feasible)]
    [InlineData("most-expensive", CompletionPolicy.MostExpensive)]
    [InlineData("", CompletionPolicy.Feasible)]
    public void Completion_names_map_to_policies(string name, CompletionPolicy policy) =>
        Assert.Equal(policy, SearchFactory.LayerNasOptionsOf(new LayerNasSettings { Completion = name }, maxTrials: null).Completion);

    [Theory]
    [InlineData("spec", FirstPass.Spec)]
    [InlineData("fit", FirstPass.Fit)]
    [InlineData("", FirstPass.Spec)]
    public void First_pass_names_map_to_first_passes(string name, FirstPass firstPass) =>
        Assert.Equal(firstPass, SearchFactory.LayerNasOptionsOf(new LayerNasSettings { FirstPass = name }, maxTrials: 10).FirstPass);

    [Theory]
    [InlineData("pipelined", false, Scheduling.Pipelined)]
    [InlineData("pipelined", true, Scheduling.Pipelined)]
    [InlineData("barrier", false, Scheduling.Barrier)]
    [InlineData("barrier", true, Scheduling.Barrier)]
    [InlineData("", false, Scheduling.Pipelined)]
    [InlineData("", true, Scheduling.Pipelined)]
    public void Scheduling_names_map_to_schedules_with_or_without_a_budget(string name, bool budgeted, Scheduling scheduling) =>
        Assert.Equal(scheduling, SearchFactory.LayerNasOptionsOf(new LayerNasSettings { Scheduling = name }, budgeted ? 50 : null).Scheduling);

    [Fact]
    public void A_layer_default_becomes_the_completion_of_that_layer()
    {
        var compiled = SearchFactory.Compile(SpecParser.Parse(SpecJson.Burger(("layers[2].default", "\"cheddar\""), ("strategy.layernas.completion", "\"most-expensive\""))), SpecJson.NoTables);

        Assert.Equal([3, 3, 1], ((FixedCompletion)((LayerNasStrategy)compiled.NewStrategy()).Completion).Defaults);
    }

    [Fact]
    public void Compiling_validates_first()
    {
        var spec = SpecParser.Parse(SpecJson.Burger(("target", "{\"min\": 30, \"max\": 40}")));

        var error = Assert.Throws<SpecException>(() => SearchFactory.Compile(spec, SpecJson.NoTables));

        Assert.Equal("$.target: no architecture costs between 30 and 40 (costs range from 3 to 12)", error.Message);
    }

    [Fact]
    public void A_table_cost_model_prices_architectures_from_its_column()
    {
        var json = SpecJson.Burger(("cost", "{\"table\": {\"path\": \"burger.csv\", \"key\": \"arch\", \"column\": \"cost\"}}"), ("target", "{\"min\": 0, \"max\": 100}"));
        var tables = SpecJson.Tables(("burger.csv", SpecJson.BurgerTable(cost: key => key.Length)));

        var compiled = SearchFactory.Compile(SpecParser.Parse(json), tables);

        var space = compiled.Problem.Space;
        Assert.IsType<TableCostModel>(compiled.Problem.CostModel);
        Assert.All(space.Enumerate(), a => Assert.Equal(space.Key(a).Length, compiled.Problem.CostModel.Cost(a)));
    }

    [Theory]
    [InlineData("grid")]
    [InlineData("random")]
    [InlineData("evolution")]
    [InlineData("reinforce")]
    [InlineData("ppo")]
    [InlineData("layernas")]
    public void Every_strategy_compiles_by_name(string name)
    {
        var spec = SpecParser.Parse(SpecJson.Burger(("strategy", $"{{\"{name}\": {{}}, \"maxTrials\": 10}}")));

        var compiled = SearchFactory.Compile(spec, SpecJson.NoTables);

        Assert.Equal(name, compiled.NewState().Strategy.Name);
    }
}
