using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.Baselines;

/// <summary>
/// Exhaustive search: every architecture whose cost lies in the target, in canonical order. The ground truth that
/// other strategies are measured against on spaces small enough to train in full.
/// </summary>
/// <remarks>
/// Architectures are walked lazily and handed out in chunks of <see cref="Chunk"/>; the next chunk follows as soon as
/// fewer than a chunk's worth are awaiting their reports, so workers never idle at a chunk's end and a huge space is
/// never materialised. Rewards do not steer the walk, so the proposals are the same whatever order reports come in.
/// </remarks>
public sealed class GridSearch : ISearchStrategy
{
    /// <summary>Architectures per proposal.</summary>
    public const int Chunk = 1024;

    private readonly IEnumerator<Architecture> _walk;
    private readonly long? _feasibleCount;
    private readonly long _spaceSize;
    private long _proposed;
    private long _reported;

    /// <summary>Prepares to walk every feasible architecture of <paramref name="problem"/>, counting them first when the space is small enough.</summary>
    public GridSearch(SearchProblem problem)
    {
        _walk = FeasibleArchitectures.Enumerate(problem).GetEnumerator();
        _feasibleCount = FeasibleArchitectures.CountIfEnumerable(problem);
        _spaceSize = problem.Space.Size;
    }

    /// <inheritdoc />
    public string Name => "grid";

    /// <inheritdoc />
    public bool IsDone { get; private set; }

    /// <inheritdoc />
    /// <remarks>Total is the number of feasible architectures; for spaces too large to count it is the space's size until the walk ends.</remarks>
    public SearchProgress Progress
    {
        get
        {
            var total = _feasibleCount ?? (IsDone ? _proposed : _spaceSize);
            return new SearchProgress(1, 1, Clamp(_reported), Clamp(total));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Architecture> Propose()
    {
        if (IsDone || _proposed - _reported >= Chunk)
        {
            return [];
        }
        var chunk = new List<Architecture>(Chunk);
        while (chunk.Count < Chunk && _walk.MoveNext())
        {
            chunk.Add(_walk.Current);
        }
        if (chunk.Count < Chunk)
        {
            IsDone = true;
            _walk.Dispose();
        }
        _proposed += chunk.Count;
        return chunk;
    }

    /// <inheritdoc />
    public void Report(Architecture architecture, double? reward) => _reported++;

    private static int Clamp(long value) => (int)Math.Min(value, int.MaxValue);
}
