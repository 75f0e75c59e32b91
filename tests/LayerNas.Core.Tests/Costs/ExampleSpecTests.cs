using Google.Protobuf;
using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Space;
using LayerNas.Protocol.V1;
using LayerOption = LayerNas.Core.Space.LayerOption;

namespace LayerNas.Core.Tests.Costs;

/// <summary>The Fashion-MNIST example specs describe the built-in spaces and a target that actually constrains them.</summary>
public sealed class ExampleSpecTests
{
    private static readonly string Examples = Path.Combine(FindRoot(), "examples");

    public static TheoryData<string, SearchSpace> Specs => new()
    {
        { "fashion-mnist-nats.json", BuiltInSpaces.NatsSize([8, 16, 24, 32, 40, 48, 56, 64], 5) },
        { "fashion-mnist-mobilenet.json", BuiltInSpaces.MobileNetV2([3, 5, 7], [1, 3, 6], [16, 32], 4) },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void An_example_spec_is_a_built_in_space_under_a_target_that_cuts_it(string file, SearchSpace builtIn)
    {
        var spec = JsonParser.Default.Parse<SearchSpec>(File.ReadAllText(Path.Combine(Examples, file)));
        var space = new SearchSpace(spec.Layers.Select(l => new SearchLayer(l.Name, [.. l.Options.Select(o => new LayerOption(o.Name, o.Cost))])));
        Assert.Equal(builtIn.Layers.Select(l => (l.Name, string.Join(',', l.Options.Select(o => o.Name)))), space.Layers.Select(l => (l.Name, string.Join(',', l.Options.Select(o => o.Name)))));

        var model = ConvMacsCostModel.Create(spec.Cost.ConvMacs, space);
        var target = new CostTarget(spec.Target.HasMin ? spec.Target.Min : 0, spec.Target.HasMax ? spec.Target.Max : double.PositiveInfinity);
        var all = model.CompletionBounds(Architecture.Empty);
        Assert.True(target.CanReach(all));
        Assert.True(all.Max > target.Max, "the target should rule out the largest networks");

        var process = spec.Trainer.Process;
        Assert.Equal(spec.Cost.ConvMacs.Space, process.Settings["space"]);
        Assert.Equal("/usr/bin/python3", process.Command[0]);
        Assert.True(File.Exists(Path.Combine(Examples, process.Command[1])), $"{process.Command[1]} should exist beside {file}");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LayerNas.Cluster.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no LayerNas.Cluster.sln above {AppContext.BaseDirectory}");
    }
}
