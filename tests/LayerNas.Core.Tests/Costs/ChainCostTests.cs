using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.Costs;

/// <summary>The chain view of a cost model prices every prefix exactly as its completion bounds do.</summary>
public sealed class ChainCostTests
{
    public static TheoryData<string> Models => ["additive", "nats-size", "mobilenet-v2"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Start_steps_and_suffix_add_up_to_the_completion_bounds_of_every_prefix(string kind)
    {
        var (space, model) = kind switch
        {
            "additive" => Additive(),
            "nats-size" => Conv(BuiltInSpaces.NatsSize([8, 16, 24], 3), kind),
            _ => Conv(BuiltInSpaces.MobileNetV2([3, 5], [1, 6], [8, 16], 3), kind),
        };
        var chain = (IChainCost)model;
        foreach (var architecture in space.Enumerate())
        {
            var cost = chain.Start;
            var state = 0;
            for (var length = 0; length <= space.Depth; length++)
            {
                if (length > 0)
                {
                    cost += chain.Step(length - 1, state, architecture[length - 1]);
                    state = chain.State(length - 1, architecture[length - 1]);
                }
                var suffix = chain.Suffix(length, state);
                Assert.Equal(model.CompletionBounds(architecture.Prefix(length)), new CostBounds(cost + suffix.Min, cost + suffix.Max));
            }
        }
    }

    private static (SearchSpace, ICostModel) Additive()
    {
        var space = TestSpaces.RandomSpace(new Random(5), layers: 3, options: 4, maxCost: 9);
        return (space, new AdditiveCostModel(space));
    }

    private static (SearchSpace, ICostModel) Conv(SearchSpace space, string kind) =>
        (space, ConvMacsCostModel.Create(new Protocol.V1.ConvMacsCost { Space = kind }, space));
}
