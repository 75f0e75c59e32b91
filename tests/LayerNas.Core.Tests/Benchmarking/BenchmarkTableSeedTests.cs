using LayerNas.Core.Costs;
using LayerNas.Core.Randomness;

namespace LayerNas.Core.Tests.Benchmarking;

public sealed class BenchmarkTableSeedTests
{
    private static readonly BenchmarkTable Table = BenchmarkTable.Parse(
        """
        arch,seed,acc,loss
        a,0,0.80,8.0
        a,1,0.90,
        a,2,0.70,7.0
        b,0,0.50,
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

    [Theory]
    [InlineData("arch,acc\na,0.8\nb,0.5\na,0.9\n", "line 4 repeats the key of line 2; a table holds several rows of one architecture only with a 'seed' column telling their training runs apart")]
    [InlineData("arch,seed,acc\na,0,0.8\na,1,0.5\na,0,0.9\n", "line 4 repeats the key and seed of line 2")]
    [InlineData("arch,acc\na,NaN\n", "line 2, column 2: not a finite number")]
    [InlineData("arch,acc\na,0.5\nb,-Infinity\n", "line 3, column 2: not a finite number")]
    [InlineData("arch,acc\na,root:x:0:0\n", "line 2, column 2: not a finite number")]
    [InlineData("root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n", "the table has no column 'arch' in its header (line 1, 1 column)")]
    public void A_table_that_cannot_be_read_alike_by_every_seed_is_refused_without_quoting_its_text(string csv, string expected)
    {
        var error = Assert.Throws<FormatException>(() => BenchmarkTable.Parse(csv, "arch"));

        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain("root", error.Message);
        Assert.DoesNotContain("20228", error.Message);
    }
}
