using LayerNas.Core.Costs;
using LayerNas.Core.Space;
using LayerNas.Core.Specs;

namespace LayerNas.Core.Tests.Specs;

public sealed class SpaceBuilderTests
{
    [Fact]
    public void The_burger_space_has_the_spec_s_layers_options_and_costs()
    {
        var space = SpaceBuilder.Build(SpecParser.Parse(SpecJson.BurgerText));

        Assert.Equal(TestSpaces.Burger().Layers, space.Layers, (a, b) => a.Name == b.Name && a.Options.SequenceEqual(b.Options) && a.DefaultOption == b.DefaultOption);
        Assert.All(space.Layers, l => Assert.Null(l.DefaultOption));
    }

    [Fact]
    public void A_layer_default_becomes_its_option_index() =>
        Assert.Equal(2, SpaceBuilder.Build(SpecParser.Parse(SpecJson.Burger(("layers[1].default", "\"beef\"")))).Layers[1].DefaultOption);

    [Fact]
    public void An_additive_cost_model_sums_option_costs()
    {
        var spec = SpecParser.Parse(SpecJson.BurgerText);
        var space = SpaceBuilder.Build(spec);

        var model = SpaceBuilder.CostModel(spec, space, SpecJson.NoTables);

        Assert.Equal(7, model.Cost(new Architecture([0, 2, 2])));
        Assert.Equal(new CostBounds(3, 12), model.CompletionBounds(Architecture.Empty));
    }

    [Theory]
    [InlineData(null, 0, double.PositiveInfinity)]
    [InlineData("{}", 0, double.PositiveInfinity)]
    [InlineData("{\"min\": 4}", 4, double.PositiveInfinity)]
    [InlineData("{\"max\": 8}", 0, 8)]
    [InlineData("{\"min\": 7, \"max\": 9}", 7, 9)]
    public void Absent_target_bounds_are_zero_and_unbounded(string? json, double min, double max) =>
        Assert.Equal(new CostTarget(min, max), SpaceBuilder.Target(SpecParser.Parse(SpecJson.Burger(("target", json)))));
}
