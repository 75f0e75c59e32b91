using Google.Protobuf;
using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Costs;

/// <summary>The committed Fashion-MNIST size table covers its spec's space, its costs are the C# model's, and the table-backed spec searches it.</summary>
public sealed class FashionMnistTableTests
{
    private static readonly string Examples = Path.Combine(FindRoot(), "examples");
    private static readonly BenchmarkTable Table = BenchmarkTable.Parse(File.ReadAllText(Path.Combine(Examples, "tables", "fashion-mnist-size.csv")), "arch");

    [Fact]
    public void Every_architecture_has_one_row_per_training_seed_whose_params_and_macs_are_the_conv_macs_models()
    {
        var spec = JsonParser.Default.Parse<SearchSpec>(File.ReadAllText(Path.Combine(Examples, "fashion-mnist-size.json")));
        var space = SpaceBuilder.Build(spec);
        var model = ConvMacsCostModel.Create(spec.Cost.ConvMacs, space);
        var seeds = Enumerable.Range(0, Table.RowsFor(space.Key(space.Enumerate().First()))).Select(r => Table.Value(space.Key(space.Enumerate().First()), "seed", r)).ToList();

        Assert.Equal(1296, space.Size);
        Assert.Equal(space.Size * seeds.Count, Table.RowCount);
        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            var figures = model.Figures(architecture);
            Assert.Equal(seeds.Count, Table.RowsFor(key));
            for (var row = 0; row < seeds.Count; row++)
            {
                Assert.Equal(seeds[row], Table.Value(key, "seed", row));
                Assert.Equal(figures.Params, Table.Value(key, "params", row));
                Assert.Equal(figures.Macs, Table.Value(key, "macs", row));
                Assert.InRange(Table.Value(key, "val_acc", row)!.Value, 0, 1);
                Assert.InRange(Table.Value(key, "test_acc", row)!.Value, 0, 1);
            }
        }
    }

    [Fact]
    public void The_table_backed_spec_compiles_against_the_table_under_a_target_that_rules_out_the_largest_models()
    {
        var spec = JsonParser.Default.Parse<SearchSpec>(File.ReadAllText(Path.Combine(Examples, "fashion-mnist-size-table.json")));

        var search = SearchFactory.Compile(spec, (path, key) => BenchmarkTable.Parse(File.ReadAllText(Path.Combine(Examples, path)), key));

        var costs = search.Problem.Space.Enumerate().Select(search.Problem.CostModel.Cost).ToList();
        Assert.Equal(Table.Keys.Count(), costs.Count);
        Assert.Contains(costs, search.Problem.Target.Contains);
        Assert.True(costs.Max() > search.Problem.Target.Max, "the target should rule out the largest networks");
        Assert.Equal(("val_acc", "test_acc"), (spec.Trainer.Tabular.Reward, spec.Trainer.Tabular.Metrics.Single()));
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
