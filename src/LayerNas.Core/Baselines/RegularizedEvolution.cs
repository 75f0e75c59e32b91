using LayerNas.Core.Randomness;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Baselines;

/// <summary>
/// Regularized (aging) evolution after Real et al., "Regularized Evolution for Image Classifier Architecture Search"
/// (2019), kept inside the cost target: a population of trained architectures, tournament selection, one-layer
/// mutation, and the oldest member dies as each child joins.
/// </summary>
/// <remarks>
/// <para>The population starts as distinct random feasible architectures. Then each round proposes
/// <c>batch</c> children, all bred from the population as it stood when the round began: sample <c>sampleSize</c>
/// members without replacement, take the best (the first sampled among equals), and move one randomly chosen layer
/// to a different option, drawing again (up to <see cref="MutationAttempts"/> times) until the child is feasible;
/// when no draw is, the child is the parent itself, answered from the trial cache.</para>
/// <para>A round's outcomes are applied in proposal order once all are in (see <see cref="RoundStrategy"/>), so the population never depends on the
/// order trials finish in. A failed trial (no reward) does not join; a population short of members after failures
/// is topped up with fresh random architectures. The search's trial budget ends it; by itself it ends only when every
/// feasible architecture has been proposed or no feasible architecture can be found.</para>
/// </remarks>
public sealed class RegularizedEvolution : RoundStrategy
{
    /// <summary>Default population size.</summary>
    public const int DefaultPopulation = 50;

    /// <summary>Default tournament size.</summary>
    public const int DefaultSampleSize = 10;

    /// <summary>Default children per round.</summary>
    public const int DefaultBatch = 8;

    /// <summary>Mutations drawn for one child before it falls back to its parent.</summary>
    public const int MutationAttempts = 32;

    private readonly SearchProblem _problem;
    private readonly int _populationSize;
    private readonly int _sampleSize;
    private readonly int _batch;
    private readonly SplitMix64 _rng;
    private readonly DistinctFeasibleSampler _sampler;
    private readonly int[] _mutableLayers;
    private readonly List<(Architecture Architecture, double Reward)> _population = [];
    private bool _filling = true;

    /// <summary>Prepares an evolution of <paramref name="problem"/> whose random choices follow <paramref name="seed"/>.</summary>
    public RegularizedEvolution(SearchProblem problem, ulong seed, int population = DefaultPopulation, int sampleSize = DefaultSampleSize, int batch = DefaultBatch)
    {
        if (population < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "the population needs at least one member");
        }
        if (sampleSize < 1 || sampleSize > population)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, $"the sample size must lie between 1 and the population ({population})");
        }
        if (batch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, "a round needs at least one child");
        }
        _problem = problem;
        _populationSize = population;
        _sampleSize = sampleSize;
        _batch = batch;
        _rng = new SplitMix64(seed);
        _sampler = new DistinctFeasibleSampler(problem);
        _mutableLayers = [.. Enumerable.Range(0, problem.Space.Depth).Where(l => problem.Space.OptionCount(l) > 1)];
    }

    /// <inheritdoc />
    public override string Name => "evolution";

    /// <summary>The living population, oldest first, with the rewards that earned each its place.</summary>
    public IReadOnlyList<(Architecture Architecture, double Reward)> Population => _population;

    /// <inheritdoc />
    protected override IReadOnlyList<Architecture> NextRound() =>
        _sampler.AllSeen ? [] : _filling ? Founders() : _population.Count > 0 ? Children() : [];

    private List<Architecture> Founders()
    {
        var founders = new List<Architecture>();
        while (_population.Count + founders.Count < _populationSize)
        {
            if (_sampler.Next(_rng) is not { } drawn)
            {
                // Nothing new to found with: evolve whatever population there is.
                _filling = false;
                return founders.Count > 0 || _population.Count == 0 ? founders : Children();
            }
            founders.Add(drawn);
        }
        return founders;
    }

    private List<Architecture> Children()
    {
        var children = new List<Architecture>(_batch);
        for (var i = 0; i < _batch; i++)
        {
            var child = Mutate(Tournament());
            _sampler.Mark(child);
            children.Add(child);
        }
        return children;
    }

    private Architecture Tournament()
    {
        // A partial Fisher–Yates shuffle of member indices samples without replacement.
        var indices = Enumerable.Range(0, _population.Count).ToArray();
        var size = Math.Min(_sampleSize, indices.Length);
        var best = -1;
        for (var k = 0; k < size; k++)
        {
            var j = k + _rng.NextInt(indices.Length - k);
            (indices[k], indices[j]) = (indices[j], indices[k]);
            if (best < 0 || _population[indices[k]].Reward > _population[best].Reward)
            {
                best = indices[k];
            }
        }
        return _population[best].Architecture;
    }

    private Architecture Mutate(Architecture parent)
    {
        if (_mutableLayers.Length == 0)
        {
            return parent;
        }
        for (var attempt = 0; attempt < MutationAttempts; attempt++)
        {
            var layer = _mutableLayers[_rng.NextInt(_mutableLayers.Length)];
            var option = _rng.NextInt(_problem.Space.OptionCount(layer) - 1);
            // Skipping the current option makes every other option equally likely.
            var child = parent.With(layer, option >= parent[layer] ? option + 1 : option);
            if (_problem.IsFeasible(child))
            {
                return child;
            }
        }
        return parent;
    }

    private protected override void Learn(ProposalRound round)
    {
        foreach (var (architecture, reward) in round.Outcomes())
        {
            if (reward is not { } value)
            {
                continue;
            }
            _population.Add((architecture, value));
            if (_population.Count > _populationSize)
            {
                _population.RemoveAt(0);
            }
        }
        if (_population.Count >= _populationSize)
        {
            _filling = false;
        }
    }
}
