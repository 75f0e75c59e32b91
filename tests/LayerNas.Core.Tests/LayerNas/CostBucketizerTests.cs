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
}
