using LayerNas.Core.Randomness;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Baselines;

/// <summary>
/// Draws feasible architectures uniformly at random, never one it has seen before, and knows when none are left.
/// </summary>
/// <remarks>
/// Each draw is rejection sampling: a uniform architecture of the whole space, kept when it is feasible and unseen,
/// which makes it uniform over the feasible architectures not seen yet. For spaces small enough to count
/// (<see cref="FeasibleArchitectures.EnumerableSpaceSize"/>), once fewer than one draw in
/// <see cref="ListModeOdds"/> would be kept, the unseen feasible architectures are listed and drawn from directly:
/// the same distribution, without the long tail of rejections. Larger spaces give up after
/// <see cref="MaxRejections"/> rejections in a row.
/// </remarks>
internal sealed class DistinctFeasibleSampler
{
    /// <summary>Rejections in a row after which a space too large to count is taken to have no unseen feasible architecture left.</summary>
    public const int MaxRejections = 100_000;

    /// <summary>Below one kept draw in this many, a countable space switches to drawing from the list of what is left.</summary>
    public const int ListModeOdds = 1_000;

    private readonly SearchProblem _problem;
    private readonly HashSet<Architecture> _seen = [];
    private List<Architecture>? _unseen;

    /// <summary>Prepares to draw from a problem's feasible architectures, counting them when the space is small enough.</summary>
    public DistinctFeasibleSampler(SearchProblem problem)
    {
        _problem = problem;
        FeasibleCount = FeasibleArchitectures.CountIfEnumerable(problem);
    }

    /// <summary>How many architectures are feasible; null when the space is too large to count.</summary>
    public long? FeasibleCount { get; }

    /// <summary>How many distinct architectures were drawn or marked.</summary>
    public int SeenCount => _seen.Count;

    /// <summary>True once every feasible architecture of a countable space was drawn or marked.</summary>
    public bool AllSeen => FeasibleCount is { } count && _seen.Count >= count;

    /// <summary>Records a feasible architecture chosen by other means, so it is not drawn later; true when it is new.</summary>
    public bool Mark(Architecture architecture)
    {
        if (!_seen.Add(architecture))
        {
            return false;
        }
        _unseen?.Remove(architecture);
        return true;
    }

    /// <summary>A uniformly drawn feasible architecture not seen before (and now marked seen), or null when none can be found.</summary>
    public Architecture? Next(SplitMix64 rng)
    {
        if (AllSeen)
        {
            return null;
        }
        if (_unseen is null && FeasibleCount is { } count && (count - _seen.Count) * ListModeOdds < _problem.Space.Size)
        {
            _unseen = ListUnseen();
        }
        if (_unseen is null)
        {
            for (var attempt = 0; attempt < MaxRejections; attempt++)
            {
                var candidate = Uniform(rng);
                if (!_seen.Contains(candidate) && _problem.IsFeasible(candidate))
                {
                    _seen.Add(candidate);
                    return candidate;
                }
            }
            if (FeasibleCount is null)
            {
                return null;
            }
            _unseen = ListUnseen();
        }
        if (_unseen.Count == 0)
        {
            return null;
        }
        var index = rng.NextInt(_unseen.Count);
        var drawn = _unseen[index];
        _unseen[index] = _unseen[^1];
        _unseen.RemoveAt(_unseen.Count - 1);
        _seen.Add(drawn);
        return drawn;
    }

    private List<Architecture> ListUnseen() => [.. FeasibleArchitectures.Enumerate(_problem).Where(a => !_seen.Contains(a))];

    private Architecture Uniform(SplitMix64 rng)
    {
        var choices = new int[_problem.Space.Depth];
        for (var layer = 0; layer < choices.Length; layer++)
        {
            choices[layer] = rng.NextInt(_problem.Space.OptionCount(layer));
        }
        return new Architecture(choices);
    }
}
