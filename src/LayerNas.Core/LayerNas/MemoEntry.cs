using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>A prefix kept by a memo table, with the reward its completion earned.</summary>
public sealed record MemoEntry(Architecture Prefix, double Reward)
{
    /// <summary>Higher reward first; equal rewards by canonical order of the prefix.</summary>
    public bool RanksAbove(MemoEntry other) =>
        Reward > other.Reward || (Reward == other.Reward && Prefix.CompareTo(other.Prefix) < 0);
}
