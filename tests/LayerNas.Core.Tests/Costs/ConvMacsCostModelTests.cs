using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using ConvMacsCost = LayerNas.Protocol.V1.ConvMacsCost;

namespace LayerNas.Core.Tests.Costs;

public sealed class ConvMacsCostModelTests
{
    private static readonly SearchSpace SmallNats = BuiltInSpaces.NatsSize([8, 16, 24], 3);
    private static readonly SearchSpace SmallMobile = BuiltInSpaces.MobileNetV2([3, 5], [1, 6], [8, 16], 3);

    private static ConvMacsCostModel Model(SearchSpace space, string kind, string metric = "macs") =>
        ConvMacsCostModel.Create(new ConvMacsCost { Space = kind, Metric = metric }, space);

    private static Architecture Named(SearchSpace space, params string[] options) =>
        new([.. options.Select((o, layer) => space.Layers[layer].IndexOf(o))]);

    public static TheoryData<string, string> Kinds => new()
    {
        { "nats-size", "macs" }, { "nats-size", "params" }, { "mobilenet-v2", "macs" }, { "mobilenet-v2", "params" },
    };

    private static SearchSpace SpaceOf(string kind) => kind == "nats-size" ? SmallNats : SmallMobile;

    [Fact]
    public void Nats_size_figures_match_a_hand_count()
    {
        var space = BuiltInSpaces.NatsSize([8, 16], 2);
        var model = Model(space, "nats-size");
        // Layers 0 and ⌊2/2⌋ = 1 both stride: 28 → 14 → 7; 3×3 convs without bias, BN, linear 10.
        var macs = (9 * 1 * 8 * 14 * 14) + (9 * 8 * 16 * 7 * 7) + (16 * 10);
        var parameters = (9 * 8) + (2 * 8) + (9 * 8 * 16) + (2 * 16) + (16 * 10) + 10;
        Assert.Equal(new ConvCost(macs, parameters), model.Figures(Named(space, "8", "16")));
        Assert.Equal(macs, model.Cost(Named(space, "8", "16")));
        Assert.Equal(parameters, Model(space, "nats-size", "params").Cost(Named(space, "8", "16")));
    }

    [Fact]
    public void Mobilenet_figures_match_a_hand_count()
    {
        var space = BuiltInSpaces.MobileNetV2([3], [1, 6], [8], 2);
        var model = Model(space, "mobilenet-v2");
        // Stem 1→16 3×3 stride 2: 28 → 14.
        long stemMacs = 9 * 16 * 14 * 14, stemParams = (9 * 16) + 32;
        // Block 1 (k3e1w8, stride 2, 14 → 7): no expansion, depthwise 16, project 16→8.
        long b1Macs = (9 * 16 * 7 * 7) + (16 * 8 * 7 * 7), b1Params = (9 * 16) + 32 + (16 * 8) + 16;
        // Block 2 (k3e6w8, ⌊2/2⌋ = block 2 also strides, 7 → 4): expand 8→48 at 7×7, depthwise 48 and project 48→8 at 4×4.
        long b2Macs = (8 * 48 * 7 * 7) + (9 * 48 * 4 * 4) + (48 * 8 * 4 * 4), b2Params = (8 * 48) + 96 + (9 * 48) + 96 + (48 * 8) + 16;
        long headMacs = 8 * 10, headParams = (8 * 10) + 10;
        Assert.Equal(
            new ConvCost(stemMacs + b1Macs + b2Macs + headMacs, stemParams + b1Params + b2Params + headParams),
            model.Figures(Named(space, "k3e1w8", "k3e6w8")));
    }

    [Fact]
    public void Larger_inputs_and_more_classes_cost_more_as_the_formulas_say()
    {
        var space = BuiltInSpaces.NatsSize([8], 1);
        var model = ConvMacsCostModel.Create(new ConvMacsCost { Space = "nats-size", ImageSize = 32, InputChannels = 3, Classes = 100 }, space);
        // One layer: 3×3 conv 3→8 with stride 2, 32 → 16, then linear 8→100.
        Assert.Equal(new ConvCost((9 * 3 * 8 * 16 * 16) + 800, (9 * 3 * 8) + 16 + 800 + 100), model.Figures(new Architecture([0])));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Completion_bounds_equal_the_extremes_over_every_completion(string kind, string metric)
    {
        var space = SpaceOf(kind);
        var model = Model(space, kind, metric);
        var all = space.Enumerate().ToList();
        for (var depth = 0; depth <= space.Depth; depth++)
        {
            foreach (var group in all.GroupBy(a => a.Prefix(depth)))
            {
                var costs = group.Select(model.Cost).ToList();
                Assert.Equal(new CostBounds(costs.Min(), costs.Max()), model.CompletionBounds(group.Key));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Prefix_cost_ranges_hold_every_reachable_prefix_and_are_exact_without_a_target(string kind, string metric)
    {
        var space = SpaceOf(kind);
        var model = Model(space, kind, metric);
        var costs = space.Enumerate().Select(model.Cost).Order().ToList();
        var targets = new[]
        {
            CostTarget.Unbounded,
            new CostTarget(0, costs[costs.Count / 3]),
            new CostTarget(costs[costs.Count / 4], costs[costs.Count * 3 / 4]),
            new CostTarget(costs[costs.Count / 2], double.PositiveInfinity),
        };
        foreach (var target in targets)
        {
            for (var depth = 1; depth <= space.Depth; depth++)
            {
                var range = model.PrefixCostRange(depth, target);
                var reachable = space.Enumerate().Select(a => a.Prefix(depth)).Distinct()
                    .Select(model.CompletionBounds).Where(target.CanReach).Select(b => b.Min).ToList();
                Assert.All(reachable, phi => Assert.InRange(phi, range.Min, range.Max));
                if (target == CostTarget.Unbounded)
                {
                    Assert.Equal(new CostBounds(reachable.Min(), reachable.Max()), range);
                }
            }
        }
    }

    [Fact]
    public void A_target_no_architecture_meets_gives_empty_ranges()
    {
        var model = Model(SmallNats, "nats-size");
        var cheapest = model.CompletionBounds(Architecture.Empty).Min;
        Assert.True(model.PrefixCostRange(2, new CostTarget(0, cheapest - 1)).IsEmpty);
    }

    [Fact]
    public void Layernas_searches_a_conv_space_within_its_target_and_its_bound()
    {
        var space = BuiltInSpaces.NatsSize([8, 16, 24, 32], 4);
        var model = Model(space, "nats-size");
        var costs = space.Enumerate().Select(model.Cost).Order().ToList();
        var problem = new SearchProblem(space, model, new CostTarget(0, costs[costs.Count / 2]));
        var reward = TestSpaces.InteractingReward(space, 5);
        var options = new LayerNasOptions(Buckets: 6);
        var state = TestSpaces.Drive(new SearchState(problem, new LayerNasStrategy(problem, options), null), a => reward(a));

        Assert.True(state.TrialsTrained <= options.TrialBound(space));
        Assert.Contains(state.Settled, t => t.Succeeded && problem.Target.Contains(t.Cost));
    }

    [Theory]
    [InlineData("resnet", "", "space must be 'nats-size' or 'mobilenet-v2', got 'resnet'")]
    [InlineData("nats-size", "flops", "metric must be 'macs' or 'params', got 'flops'")]
    public void Unknown_space_or_metric_names_fail_with_one_line(string kind, string metric, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Model(SmallNats, kind, metric));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("imageSize")]
    [InlineData("inputChannels")]
    [InlineData("classes")]
    public void Input_figures_below_one_fail(string field)
    {
        var settings = new ConvMacsCost { Space = "nats-size" };
        _ = field switch
        {
            "imageSize" => settings.ImageSize = 0,
            "inputChannels" => settings.InputChannels = -1,
            _ => settings.Classes = 0,
        };
        var error = Assert.Throws<ArgumentException>(() => ConvMacsCostModel.Create(settings, SmallNats));
        Assert.StartsWith($"{field} must be at least 1", error.Message);
    }

    [Theory]
    [InlineData("nats-size", "sixteen", "layer 'l1': option 'sixteen' is not a channel count (nats-size options look like '16')")]
    [InlineData("nats-size", "0", "layer 'l1': option '0' is not a channel count (nats-size options look like '16')")]
    [InlineData("nats-size", "016", "layer 'l1': option '016' is not a channel count (nats-size options look like '16')")]
    [InlineData("nats-size", "99999999999", "layer 'l1': option '99999999999' is not a channel count (nats-size options look like '16')")]
    [InlineData("mobilenet-v2", "k3e6", "layer 'l1': option 'k3e6' is not a block (mobilenet-v2 options look like 'k3e6w16')")]
    [InlineData("mobilenet-v2", "16", "layer 'l1': option '16' is not a block (mobilenet-v2 options look like 'k3e6w16')")]
    [InlineData("mobilenet-v2", "k4e6w16", "layer 'l1': option 'k4e6w16' has an even kernel size; kernels must be odd")]
    public void Option_names_the_space_cannot_read_fail_naming_layer_and_option(string kind, string option, string message)
    {
        var space = new SearchSpace([new SearchLayer("l1", [new LayerOption(option, 0)])]);
        var error = Assert.Throws<ArgumentException>(() => Model(space, kind));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Networks_too_large_to_cost_exactly_are_refused()
    {
        var space = BuiltInSpaces.NatsSize([2_000_000_000], 3);
        var error = Assert.Throws<ArgumentException>(() => Model(space, "nats-size"));
        Assert.Contains("2^53", error.Message);
    }
}
