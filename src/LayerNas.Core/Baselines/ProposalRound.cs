using LayerNas.Core.Space;

namespace LayerNas.Core.Baselines;

/// <summary>
/// The proposals of one round and their rewards as they arrive. Reports fill slots whatever their order, so a round
/// read back in proposal order is the same however its trials completed.
/// </summary>
internal sealed class ProposalRound
{
    private readonly Architecture[] _proposals;
    private readonly double?[] _rewards;
    private readonly bool[] _reported;
    private int _reportedCount;

    /// <summary>Opens a round for its proposals, in proposal order.</summary>
    public ProposalRound(IReadOnlyList<Architecture> proposals)
    {
        _proposals = [.. proposals];
        _rewards = new double?[_proposals.Length];
        _reported = new bool[_proposals.Length];
    }

    /// <summary>Whether every proposal has been reported.</summary>
    public bool IsComplete => _reportedCount == _proposals.Length;

    /// <summary>Records the outcome of one proposal of this architecture that has not been reported yet.</summary>
    /// <remarks>A round may propose an architecture more than once; its copies share one cached outcome, so which slot a report fills does not matter.</remarks>
    public void Report(Architecture architecture, double? reward)
    {
        for (var i = 0; i < _proposals.Length; i++)
        {
            if (!_reported[i] && _proposals[i].Equals(architecture))
            {
                _reported[i] = true;
                _rewards[i] = reward;
                _reportedCount++;
                return;
            }
        }
        throw new InvalidOperationException($"architecture {architecture} was not proposed in this round or was already reported");
    }

    /// <summary>The proposals with their rewards (null for failed trials), in proposal order.</summary>
    public IEnumerable<(Architecture Architecture, double? Reward)> Outcomes()
    {
        for (var i = 0; i < _proposals.Length; i++)
        {
            yield return (_proposals[i], _rewards[i]);
        }
    }
}
