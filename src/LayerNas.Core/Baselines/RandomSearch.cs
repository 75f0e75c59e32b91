using LayerNas.Core.Randomness;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.Baselines;

/// <summary>
/// Random search: architectures drawn uniformly from those whose cost lies in the target (by rejection), never the
/// same one twice. The search's trial budget ends it; by itself it ends only when no unseen feasible architecture is left.
/// </summary>
/// <remarks>
/// Proposals come in rounds of <see cref="Batch"/>; the next round follows as soon as fewer than a round's worth are
/// awaiting their reports. Rewards never steer the draws, so the sequence of proposals depends on the seed alone,
/// not on how many workers run them or in which order they finish.
/// </remarks>
public sealed class RandomSearch : ISearchStrategy
{
    /// <summary>Architectures per proposal round.</summary>
    public const int Batch = 64;

    private readonly DistinctFeasibleSampler _sampler;
    private readonly SplitMix64 _rng;
    private long _reported;

    /// <summary>Prepares a random search of <paramref name="problem"/> whose draws follow <paramref name="seed"/>.</summary>
    public RandomSearch(SearchProblem problem, ulong seed)
    {
        _sampler = new DistinctFeasibleSampler(problem);
        _rng = new SplitMix64(seed);
    }

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public bool IsDone { get; private set; }

    /// <inheritdoc />
    /// <remarks>Total is the number of architectures proposed so far.</remarks>
    public SearchProgress Progress => new(1, 1, (int)Math.Min(_reported, int.MaxValue), _sampler.SeenCount);

    /// <inheritdoc />
    public IReadOnlyList<Architecture> Propose()
    {
        if (IsDone || _sampler.SeenCount - _reported >= Batch)
        {
            return [];
        }
        var round = new List<Architecture>(Batch);
        while (round.Count < Batch)
        {
            if (_sampler.Next(_rng) is not { } drawn)
            {
                IsDone = true;
                break;
            }
            round.Add(drawn);
        }
        if (_sampler.AllSeen)
        {
            IsDone = true;
        }
        return round;
    }

    /// <inheritdoc />
    public void Report(Architecture architecture, double? reward) => _reported++;
}
