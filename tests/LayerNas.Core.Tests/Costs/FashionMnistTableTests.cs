using Google.Protobuf;
using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Costs;

/// <summary>Each committed Fashion-MNIST table covers its spec's space, its costs are the C# model's, and its table-backed spec searches it.</summary>
public sealed class FashionMnistTableTests
{
    private static readonly string Examples = Path.Combine(FindRoot(), "examples");
    [Theory]
    [InlineData("fashion-mnist-size", 1296)]
    [InlineData("fashion-mnist-14px", 625)]
    public void Every_architecture_has_one_row_per_training_seed_whose_params_and_macs_are_the_conv_macs_models(string name, long size)
    {
        var spec = JsonParser.Default.Parse<SearchSpec>(File.ReadAllText(Path.Combine(Examples, $"{name}.json")));
        var table = TableOf(name);
        var space = SpaceBuilder.Build(spec);
        var model = ConvMacsCostModel.Create(spec.Cost.ConvMacs, space);
        var seeds = Enumerable.Range(0, table.RowsFor(space.Key(space.Enumerate().First()))).Select(r => table.Value(space.Key(space.Enumerate().First()), "seed", r)).ToList();

        Assert.Equal(size, space.Size);
        Assert.Equal(space.Size * seeds.Count, table.RowCount);
        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            var figures = model.Figures(architecture);
            Assert.Equal(seeds.Count, table.RowsFor(key));
            for (var row = 0; row < seeds.Count; row++)
            {
                Assert.Equal(seeds[row], table.Value(key, "seed", row));
                Assert.Equal(figures.Params, table.Value(key, "params", row));
                Assert.Equal(figures.Macs, table.Value(key, "macs", row));
                Assert.InRange(table.Value(key, "val_acc", row)!.Value, 0, 1);
                Assert.InRange(table.Value(key, "test_acc", row)!.Value, 0, 1);
            }
        }
    }

    [Theory]
    [InlineData("fashion-mnist-size")]
    [InlineData("fashion-mnist-14px")]
    public void The_table_backed_spec_compiles_against_the_table_under_a_target_that_rules_out_the_largest_models(string name)
    {
        var spec = JsonParser.Default.Parse<SearchSpec>(File.ReadAllText(Path.Combine(Examples, $"{name}-table.json")));
        var table = TableOf(name);

        var search = SearchFactory.Compile(spec, (path, key) => BenchmarkTable.Parse(File.ReadAllText(Path.Combine(Examples, path)), key));

        var costs = search.Problem.Space.Enumerate().Select(search.Problem.CostModel.Cost).ToList();
        Assert.Equal(table.Keys.Count(), costs.Count);
        Assert.Contains(costs, search.Problem.Target.Contains);
        Assert.True(costs.Max() > search.Problem.Target.Max, "the target should rule out the largest networks");
        Assert.Equal(("val_acc", "test_acc"), (spec.Trainer.Tabular.Reward, spec.Trainer.Tabular.Metrics.Single()));
    }

    private static BenchmarkTable TableOf(string name) => BenchmarkTable.Parse(File.ReadAllText(Path.Combine(Examples, "tables", $"{name}.csv")), "arch");

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
