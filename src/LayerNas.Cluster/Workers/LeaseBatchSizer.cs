namespace LayerNas.Cluster.Workers;

/// <summary>
/// How many trials a worker slot asks for at once: as many as it trains in the target time, by a moving average of
/// its recent training times. A slot that has trained nothing yet asks for one, so slow trials are never hoarded.
/// </summary>
public sealed class LeaseBatchSizer(TimeSpan target, int max)
{
    // Weight of the newest training time: the average follows a change of search within a few dozen trials.
    private const double Smoothing = 0.2;

    private double? _meanSeconds;

    /// <summary>The size of the next request.</summary>
    public int Next
    {
        get
        {
            var limit = Math.Max(1, max);
            if (_meanSeconds is not { } mean)
            {
                return 1;
            }
            var fits = mean <= 0 ? limit : target.TotalSeconds / mean;
            return (int)Math.Clamp(Math.Floor(fits), 1, limit);
        }
    }

    /// <summary>Records how long one trial took to train.</summary>
    public void Observe(TimeSpan trained)
    {
        var seconds = Math.Max(0, trained.TotalSeconds);
        _meanSeconds = _meanSeconds is { } mean ? mean + Smoothing * (seconds - mean) : seconds;
    }
}
