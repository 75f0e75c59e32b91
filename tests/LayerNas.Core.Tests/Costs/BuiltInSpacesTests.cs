using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.Costs;

public sealed class BuiltInSpacesTests
{
    [Fact]
    public void Nats_size_layers_choose_channel_counts()
    {
        var space = BuiltInSpaces.NatsSize([8, 16, 24], 5);
        Assert.Equal(["layer1", "layer2", "layer3", "layer4", "layer5"], space.Layers.Select(l => l.Name));
        Assert.All(space.Layers, l => Assert.Equal(["8", "16", "24"], l.Options.Select(o => o.Name)));
        Assert.Equal(243, space.Size);
    }

    [Fact]
    public void Mobilenet_options_are_ordered_by_kernel_then_expansion_then_width()
    {
        var space = BuiltInSpaces.MobileNetV2([3, 5], [1, 6], [16, 32], 2);
        Assert.Equal(["block1", "block2"], space.Layers.Select(l => l.Name));
        Assert.Equal(
            ["k3e1w16", "k3e1w32", "k3e6w16", "k3e6w32", "k5e1w16", "k5e1w32", "k5e6w16", "k5e6w32"],
            space.Layers[0].Options.Select(o => o.Name));
    }

    [Fact]
    public void Impossible_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BuiltInSpaces.NatsSize([], 3));
        Assert.Throws<ArgumentException>(() => BuiltInSpaces.NatsSize([0, 8], 3));
        Assert.Throws<ArgumentException>(() => BuiltInSpaces.NatsSize([8], 0));
        Assert.Throws<ArgumentException>(() => BuiltInSpaces.MobileNetV2([4], [1], [8], 2));
        Assert.Throws<ArgumentException>(() => BuiltInSpaces.MobileNetV2([3], [0], [8], 2));
        Assert.Throws<ArgumentException>(() => BuiltInSpaces.MobileNetV2([3], [1], [], 2));
        Assert.Throws<ArgumentException>(() => BuiltInSpaces.MobileNetV2([3], [1], [8], 0));
    }
}
