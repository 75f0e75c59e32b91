using LayerNas.Core.Costs;
using LayerNas.Core.LayerNas;

namespace LayerNas.Core.Tests.LayerNas;

public sealed class CostBucketizerTests
{
    [Fact]
    public void Linear_buckets_split_the_range_evenly_and_clamp_outside_it()
    {
        var buckets = new CostBucketizer(new CostBounds(3, 8), 4, BucketSpacing.Linear);
        Assert.Equal([0, 0, 1, 2, 3, 3, 0, 3], new[] { 3, 4, 5, 6, 7, 8, -1, 100 }.Select(c => buckets.Bucket(c)));
    }

    [Fact]
    public void Log_buckets_are_even_in_log_cost()
    {
        var buckets = new CostBucketizer(new CostBounds(0, 999), 3, BucketSpacing.Log);
        Assert.Equal([0, 1, 2, 2], new[] { 0, 10, 100, 999 }.Select(c => buckets.Bucket(c)));
    }

    [Fact]
    public void A_range_of_one_point_uses_one_bucket()
    {
        var buckets = new CostBucketizer(new CostBounds(5, 5), 10, BucketSpacing.Linear);
        Assert.Equal(0, buckets.Bucket(5));
        Assert.Equal(0, buckets.Bucket(7));
    }

    [Theory]
    [InlineData(BucketSpacing.Linear)]
    [InlineData(BucketSpacing.Log)]
    public void A_lower_edge_is_the_cheapest_cost_of_its_bucket(BucketSpacing spacing)
    {
        var buckets = new CostBucketizer(new CostBounds(3, 800), 7, spacing);
        Assert.Equal(double.NegativeInfinity, buckets.LowerEdge(0));
        for (var bucket = 1; bucket < 7; bucket++)
        {
            var edge = buckets.LowerEdge(bucket);
            Assert.Equal(bucket, buckets.Bucket(edge * (1 + 1e-12)));
            Assert.Equal(bucket - 1, buckets.Bucket(edge * (1 - 1e-12)));
        }
    }

    [Fact]
    public void No_cost_reaches_past_the_first_bucket_of_a_one_point_range() =>
        Assert.Equal(double.PositiveInfinity, new CostBucketizer(new CostBounds(5, 5), 3, BucketSpacing.Linear).LowerEdge(1));
}
