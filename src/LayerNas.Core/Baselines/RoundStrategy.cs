using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.Baselines;

/// <summary>
/// A strategy that proposes in rounds and learns from a round only once every proposal of it is reported, reading
/// the outcomes in proposal order, so what it learns never depends on the order trials finish in.
/// </summary>
public abstract class RoundStrategy : ISearchStrategy
{
    private ProposalRound? _round;
    private long _proposed;
    private long _reported;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public bool IsDone { get; private set; }

    /// <inheritdoc />
    /// <remarks>Total is the number of architectures proposed so far.</remarks>
    public SearchProgress Progress => new(1, 1, (int)Math.Min(_reported, int.MaxValue), (int)Math.Min(_proposed, int.MaxValue));

    /// <inheritdoc />
    public IReadOnlyList<Architecture> Propose()
    {
        if (IsDone || _round is { IsComplete: false })
        {
            return [];
        }
        if (_round is not null)
        {
            Learn(_round);
            _round = null;
        }
        var proposals = NextRound();
        if (proposals.Count == 0)
        {
            IsDone = true;
            return [];
        }
        _round = new ProposalRound(proposals);
        _proposed += proposals.Count;
        return proposals;
    }

    /// <inheritdoc />
    public void Report(Architecture architecture, double? reward)
    {
        if (_round is null)
        {
            throw new InvalidOperationException($"architecture {architecture} was reported while no round was open");
        }
        _round.Report(architecture, reward);
        _reported++;
    }

    /// <summary>The next round's proposals; empty ends the search.</summary>
    protected abstract IReadOnlyList<Architecture> NextRound();

    /// <summary>Learns from a round whose every proposal is reported.</summary>
    private protected abstract void Learn(ProposalRound round);
}
