using LayerNas.Core.Benchmarking;

namespace LayerNas.Core.Tests.Benchmarking;

public sealed class SpreadTests
{
    [Fact]
    public void Quartiles_interpolate_between_order_statistics()
    {
        var spread = Spread.Of([4, 1, 3, 2])!;

        Assert.Equal(new Spread(4, 2.5, 1.75, 2.5, 3.25), spread);
    }

    [Fact]
    public void Quartiles_of_five_values_fall_on_values()
    {
        Assert.Equal(new Spread(5, 30, 20, 30, 40), Spread.Of([50, 10, 40, 20, 30]));
    }

    [Fact]
    public void One_value_is_every_percentile()
    {
        Assert.Equal(new Spread(1, 7, 7, 7, 7), Spread.Of([7]));
    }

    [Fact]
    public void An_empty_sample_has_no_spread()
    {
        Assert.Null(Spread.Of([]));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 9.0)]
    [InlineData(0.1, 1.4)]
    [InlineData(0.9, 8.2)]
    public void Percentiles_follow_rank_p_times_n_minus_1(double fraction, double expected)
    {
        // Ranks 0..4 hold 1, 2, 5, 7, 9: rank 0.4 is 1 + 0.4·1, rank 3.6 is 7 + 0.6·2.
        Assert.Equal(expected, Spread.Percentile([1, 2, 5, 7, 9], fraction), 12);
    }

    [Fact]
    public void Percentiles_outside_zero_to_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Spread.Percentile([1.0], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spread.Percentile([], 0.5));
    }
}
