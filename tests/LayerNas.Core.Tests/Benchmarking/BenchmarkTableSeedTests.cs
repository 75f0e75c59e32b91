using LayerNas.Core.Costs;
using LayerNas.Core.Randomness;

namespace LayerNas.Core.Tests.Benchmarking;

public sealed class BenchmarkTableSeedTests
{
    private static readonly BenchmarkTable Table = BenchmarkTable.Parse(
        """
        arch,acc,loss
        a,0.80,8.0
        a,0.90,
        a,0.70,7.0
        b,0.50,
        """,
        "arch");

    [Fact]
    public void A_seed_picks_the_row_its_hash_with_the_key_names()
    {
        for (var seed = 0UL; seed < 32; seed++)
        {
            Assert.Equal((int)(SplitMix64.Hash(seed, "a") % 3), Table.SeedRow("a", seed));
            Assert.Equal(0, Table.SeedRow("b", seed));
        }
        Assert.Equal(3, Enumerable.Range(0, 32).Select(s => Table.SeedRow("a", (ulong)s)).Distinct().Count());
    }

    [Fact]
    public void A_key_the_table_lacks_has_no_seed_row()
    {
        Assert.Equal("the table has no row for 'c' (Parameter 'key')", Assert.Throws<ArgumentException>(() => Table.SeedRow("c", 1)).Message);
    }

    [Fact]
    public void The_mean_skips_empty_cells_and_is_null_when_all_are_empty()
    {
        Assert.Equal(0.80, Table.Mean("a", "acc")!.Value, 12);
        Assert.Equal(7.5, Table.Mean("a", "loss")!.Value, 12);
        Assert.Null(Table.Mean("b", "loss"));
    }

    [Fact]
    public void Read_takes_the_seed_row_with_a_seed_and_the_mean_without()
    {
        for (var seed = 0UL; seed < 8; seed++)
        {
            Assert.Equal(Table.Value("a", "acc", Table.SeedRow("a", seed)), Table.Read("a", "acc", seed));
        }
        Assert.Equal(Table.Mean("a", "acc"), Table.Read("a", "acc", null));
    }
}
