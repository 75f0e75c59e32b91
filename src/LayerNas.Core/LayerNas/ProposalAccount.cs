using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// What a LayerNAS search has proposed and what it knows: every result reported or told to it, and the new trials
/// its proposals have cost against an optional limit. A proposal costs a trial when its architecture was neither
/// proposed before nor known, exactly when the search state would create a trial for it.
/// </summary>
internal sealed class ProposalAccount(long? limit)
{
    private readonly Dictionary<Architecture, double?> _known = [];
    private readonly HashSet<Architecture> _proposed = [];

    /// <summary>The trials the search may create; null for no limit.</summary>
    public long? Limit { get; } = limit;

    /// <summary>New trials proposed so far.</summary>
    public long Spent { get; private set; }

    /// <summary>Trials still to spend; <see cref="long.MaxValue"/> without a limit.</summary>
    public long Remaining => Limit is { } limit ? Math.Max(0, limit - Spent) : long.MaxValue;

    /// <summary>Whether a proposal was refused for want of budget: nothing more is proposed.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Records a result (null for a trial that failed for good).</summary>
    public void Learn(Architecture architecture, double? reward) => _known[architecture] = reward;

    /// <summary>Whether an architecture's result is known, and the result.</summary>
    public bool Known(Architecture architecture, out double? reward) => _known.TryGetValue(architecture, out reward);

    /// <summary>Whether an architecture costs nothing to propose: its result is known or it was proposed before.</summary>
    public bool IsFree(Architecture architecture) => _known.ContainsKey(architecture) || _proposed.Contains(architecture);

    /// <summary>Claims the proposal of an architecture: true when it is free or the budget pays for it; false, and exhausted from then on, when it cannot.</summary>
    public bool Claim(Architecture architecture)
    {
        if (Exhausted)
        {
            return false;
        }
        if (IsFree(architecture))
        {
            return true;
        }
        if (Spent >= Limit)
        {
            Exhausted = true;
            return false;
        }
        _proposed.Add(architecture);
        Spent++;
        return true;
    }
}
