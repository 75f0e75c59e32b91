using LayerNas.Core.Randomness;

namespace LayerNas.Core.Tests.Randomness;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Matches_the_reference_sequence()
    {
        // The reference implementation's first outputs for seed 1234567.
        var rng = new SplitMix64(1234567);
        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => rng.NextUInt64()));
    }

    [Fact]
    public void Bounded_integers_cover_the_range_evenly()
    {
        var rng = new SplitMix64(3);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[rng.NextInt(7)]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
    }

    [Fact]
    public void Unit_doubles_lie_in_the_half_open_interval()
    {
        Assert.Equal(0.0, SplitMix64.ToUnit(0));
        Assert.True(SplitMix64.ToUnit(ulong.MaxValue) < 1.0);
        var rng = new SplitMix64(9);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => rng.NextDouble()), d => Assert.InRange(d, 0.0, Math.BitDecrement(1.0)));
    }

    [Fact]
    public void Text_hashes_are_stable_and_tell_texts_apart()
    {
        Assert.Equal(SplitMix64.Hash(1, "conv3x3:skip"), SplitMix64.Hash(1, "conv3x3:skip"));
        Assert.NotEqual(SplitMix64.Hash(1, "conv3x3:skip"), SplitMix64.Hash(2, "conv3x3:skip"));
        Assert.NotEqual(SplitMix64.Hash(1, "a"), SplitMix64.Hash(1, "a\0"));
        Assert.NotEqual(SplitMix64.Hash(1, ""), SplitMix64.Hash(1, "\0"));
        Assert.NotEqual(SplitMix64.Hash(1, "abcdefgh"), SplitMix64.Hash(1, "abcdefgi"));
    }
}
