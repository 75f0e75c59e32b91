using System.Text;

namespace LayerNas.Core.Randomness;

/// <summary>
/// Steele, Lea and Flood's SplitMix64 generator: a 64-bit counter advanced by the golden-ratio increment and passed
/// through a fixed mixing function. Owned here because <see cref="System.Random"/>'s algorithm is not a stable
/// contract across runtime versions, and a search must propose the same trials for the same seed forever.
/// </summary>
public sealed class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    /// <summary>Starts the sequence of a seed.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The mixing function alone: a bijective, well-avalanched hash of one 64-bit word.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A stable hash of a sequence of words: each word is folded into the running hash and mixed.</summary>
    public static ulong Hash(ulong first, params ReadOnlySpan<ulong> rest)
    {
        var h = Mix(first + GoldenGamma);
        foreach (var word in rest)
        {
            h = Mix(h ^ (word + GoldenGamma));
        }
        return h;
    }

    /// <summary>A stable hash of a seed and a text: its UTF-8 bytes folded in 8-byte little-endian words, then its length.</summary>
    public static ulong Hash(ulong seed, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var h = Mix(seed + GoldenGamma);
        for (var offset = 0; offset < bytes.Length; offset += 8)
        {
            ulong word = 0;
            for (var i = Math.Min(8, bytes.Length - offset) - 1; i >= 0; i--)
            {
                word = (word << 8) | bytes[offset + i];
            }
            h = Mix(h ^ (word + GoldenGamma));
        }
        // The length tells apart texts that differ only by trailing zero bytes.
        return Mix(h ^ ((ulong)bytes.Length + GoldenGamma));
    }

    /// <summary>The top 53 bits of a word as a double in [0, 1).</summary>
    public static double ToUnit(ulong word) => (word >> 11) * (1.0 / (1UL << 53));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += GoldenGamma;
        return Mix(_state);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => ToUnit(NextUInt64());

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    public int NextInt(int bound) => (int)NextLong(bound);

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    public long NextLong(long bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        // Reject the last partial copy of [0, bound) in the 64-bit range so every value is equally likely.
        var limit = ulong.MaxValue - (ulong.MaxValue % range + 1) % range;
        ulong word;
        do
        {
            word = NextUInt64();
        }
        while (word > limit);
        return (long)(word % range);
    }
}
