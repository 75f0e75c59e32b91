using LayerNas.Core.LayerNas;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.LayerNas;

public sealed class MemoTableTests
{
    [Fact]
    public void Keeps_the_best_K_per_bucket_whatever_the_offer_order()
    {
        var offers = Enumerable.Range(0, 30)
            .Select(i => (Bucket: i % 3, Prefix: new Architecture([i]), Reward: (i * 7 % 5) / 10.0))
            .ToList();
        string Fill(int seed)
        {
            var table = new MemoTable(3, 2);
            foreach (var (bucket, prefix, reward) in offers.OrderBy(_ => new Random(seed).Next()).ToList().OrderBy(_ => Guid.NewGuid()))
            {
                table.Offer(bucket, prefix, reward);
            }
            return string.Join(' ', table.Entries.Select(e => $"{e.Prefix}:{e.Reward}"));
        }

        var expected = Fill(0);
        Assert.Equal(6, expected.Split(' ').Length);
        for (var seed = 1; seed < 20; seed++)
        {
            Assert.Equal(expected, Fill(seed));
        }
        // Bucket 0 holds i = 0, 3, …, 27; rewards (7i mod 5)/10 peak at 0.4 for i = 12 and 27; ties go to the canonical first.
        Assert.StartsWith("12:0.4 27:0.4", expected);
    }
}
