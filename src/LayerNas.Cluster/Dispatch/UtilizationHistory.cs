using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Dispatch;

/// <summary>How many worker slots were busy over time: samples at most one per <c>interval</c>, the newest <c>capacity</c> of them.</summary>
/// <remarks>A busy count between two samples is not lost: a sample keeps the most slots busy since the last one, so short bursts still show.</remarks>
public sealed class UtilizationHistory(TimeSpan interval, int capacity)
{
    private readonly Queue<UtilizationSample> _samples = new();
    private DateTime _last = DateTime.MinValue;
    private int _slots;
    private int _busy;

    /// <summary>The samples, oldest first.</summary>
    public IReadOnlyCollection<UtilizationSample> Samples => _samples;

    /// <summary>Observes the slots now; records a sample once <c>interval</c> has passed since the last one.</summary>
    public void Observe(DateTime now, int slots, int busy)
    {
        (_slots, _busy) = (Math.Max(_slots, slots), Math.Max(_busy, busy));
        if (now - _last < interval)
        {
            return;
        }
        _samples.Enqueue(new UtilizationSample { UnixMs = (long)(now - DateTime.UnixEpoch).TotalMilliseconds, Slots = _slots, Busy = _busy });
        while (_samples.Count > capacity)
        {
            _samples.Dequeue();
        }
        (_last, _slots, _busy) = (now, 0, 0);
    }
}
