using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Specs;

public sealed class SpecOverridesTests
{
    private static readonly SearchSpec Burger = SpecParser.Parse(SpecJson.Burger(("strategy", "{\"layernas\": {\"buckets\": 4}, \"seed\": 5, \"maxTrials\": 30}")));

    [Fact]
    public void No_overrides_give_an_equal_copy()
    {
        var result = SpecOverrides.Apply(Burger, null, null, null);

        Assert.Equal(Burger, result);
        Assert.NotSame(Burger, result);
    }

    [Fact]
    public void Another_strategy_starts_from_its_default_settings_and_keeps_seed_and_budget()
    {
        var result = SpecOverrides.Apply(Burger, "evolution", null, null);

        Assert.Equal(Strategy.KindOneofCase.Evolution, result.Strategy.KindCase);
        Assert.Equal(new EvolutionSettings(), result.Strategy.Evolution);
        Assert.Equal((5UL, 30L), (result.Strategy.Seed, result.Strategy.MaxTrials));
        Assert.Equal(Strategy.KindOneofCase.Layernas, Burger.Strategy.KindCase);
    }

    [Fact]
    public void Naming_the_spec_s_own_strategy_keeps_its_settings()
    {
        var result = SpecOverrides.Apply(Burger, "layernas", null, null);

        Assert.Equal(4, result.Strategy.Layernas.Buckets);
    }

    [Fact]
    public void Seed_and_max_trials_replace_the_spec_s()
    {
        var result = SpecOverrides.Apply(Burger, null, 99, 7);

        Assert.Equal((99UL, 7L), (result.Strategy.Seed, result.Strategy.MaxTrials));
        Assert.Equal((5UL, 30L), (Burger.Strategy.Seed, Burger.Strategy.MaxTrials));
    }

    [Fact]
    public void Overrides_apply_to_a_spec_without_a_strategy_section()
    {
        var spec = SpecParser.Parse(SpecJson.Burger(("strategy", null)));

        var result = SpecOverrides.Apply(spec, "random", 1, 50);

        Assert.Equal(Strategy.KindOneofCase.Random, result.Strategy.KindCase);
        Assert.Equal((1UL, 50L), (result.Strategy.Seed, result.Strategy.MaxTrials));
    }

    [Fact]
    public void An_unknown_strategy_lists_the_known_ones()
    {
        var error = Assert.Throws<SpecException>(() => SpecOverrides.Apply(Burger, "annealing", null, null));

        Assert.Equal("unknown strategy 'annealing' (expected one of: layernas, random, evolution, reinforce, grid, ppo)", error.Message);
        Assert.Null(error.JsonPath);
    }
}
