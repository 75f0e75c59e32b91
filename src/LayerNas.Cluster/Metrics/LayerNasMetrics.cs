using System.Diagnostics.Metrics;

namespace LayerNas.Cluster.Metrics;

/// <summary>
/// A node's metrics, as instruments of one <see cref="System.Diagnostics.Metrics.Meter"/> per node: the actors record
/// what happens, and whichever exporter the host runs (Prometheus on the node's web endpoint) reads them. Each node has
/// its own meter, so several nodes in one process never mix their figures.
/// </summary>
/// <remarks>
/// Names follow OpenTelemetry's conventions and become Prometheus' on export: <c>layernas.trials</c> with unit
/// <c>{trial}</c> is scraped as <c>layernas_trials_total</c>, <c>layernas.trial.duration</c> in seconds as the histogram
/// <c>layernas_trial_duration_seconds</c>. Gauges report only what the node runs: a worker-only node has no queue.
/// </remarks>
public sealed class LayerNasMetrics : IDisposable
{
    /// <summary>The name of every node's meter.</summary>
    public const string MeterName = "LayerNas";

    // Trials last from seconds to hours; journal writes from a millisecond to seconds.
    private static readonly double[] TrialSeconds = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 14400];
    private static readonly double[] WriteSeconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter<long> _trials;
    private readonly Histogram<double> _trialDuration;
    private readonly Counter<long> _resultsPersisted;
    private readonly Histogram<double> _journalWrite;
    private readonly Counter<long> _attempts;
    private DispatchGauges? _dispatch;
    private SearchGauges? _searches;
    private int _slots = -1;
    private int _busySlots;

    /// <summary>A node's instruments on a meter of its own.</summary>
    public LayerNasMetrics()
    {
        Meter = new Meter(MeterName, typeof(LayerNasMetrics).Assembly.GetName().Version?.ToString(3));
        _trials = Meter.CreateCounter<long>("layernas.trials", "{trial}", "Trials the coordinator's searches settled since it started, by how they ended: trained, failed, or cached (answered from the trial cache).");
        _trialDuration = Meter.CreateHistogram("layernas.trial.duration", "s", "Wall-clock training time of the trials the coordinator's searches settled as trained.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TrialSeconds });
        _resultsPersisted = Meter.CreateCounter<long>("layernas.results.persisted", "{result}", "Trial results the coordinator wrote to its journal.");
        _journalWrite = Meter.CreateHistogram("layernas.journal.write.duration", "s", "Time to write one batch of trial results to the journal.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WriteSeconds });
        _attempts = Meter.CreateCounter<long>("layernas.attempts", "{attempt}", "Training attempts this node's worker slots finished, by outcome: trained or failed.");
        Meter.CreateObservableGauge<int>("layernas.queue.trials", QueueTrials, "{trial}", "Trials the trial dispatcher holds: queued and ready to lease, or leased to a worker slot.");
        Meter.CreateObservableGauge<int>("layernas.cluster.worker.nodes", WorkerNodes, "{node}", "Worker nodes whose slots the trial dispatcher knows.");
        Meter.CreateObservableGauge<int>("layernas.cluster.worker.slots", WorkerSlots, "{slot}", "Worker slots the trial dispatcher knows: busy (holding a lease) or idle.");
        Meter.CreateObservableGauge<int>("layernas.searches", SearchStates, "{search}", "Searches the search manager knows, by state.");
        Meter.CreateObservableGauge<int>("layernas.slots", NodeSlots, "{slot}", "This node's worker slots: training (busy) or not (idle).");
    }

    /// <summary>The node's meter.</summary>
    public Meter Meter { get; }

    /// <summary>A search's coordinator recorded results: trials trained (with their training times), failed, and answered from the cache.</summary>
    public void TrialsSettled(IReadOnlyList<double> trainedSeconds, int failed, long cached)
    {
        foreach (var seconds in trainedSeconds)
        {
            _trialDuration.Record(seconds);
        }
        Add(_trials, trainedSeconds.Count, "state", "trained");
        Add(_trials, failed, "state", "failed");
        Add(_trials, cached, "state", "cached");
    }

    /// <summary>A batch of results was written to the journal in <paramref name="elapsed"/>.</summary>
    public void ResultsPersisted(int results, TimeSpan elapsed)
    {
        _resultsPersisted.Add(results);
        _journalWrite.Record(elapsed.TotalSeconds);
    }

    /// <summary>The trial dispatcher's state now.</summary>
    public void Dispatch(int ready, int leased, int nodes, int slots, int busy) => Volatile.Write(ref _dispatch, new DispatchGauges(ready, leased, nodes, slots, busy));

    /// <summary>The searches the search manager knows now, by state.</summary>
    public void Searches(int running, int finished, int cancelled, int failed) => Volatile.Write(ref _searches, new SearchGauges(running, finished, cancelled, failed));

    /// <summary>This node runs <paramref name="slots"/> worker slots.</summary>
    public void SlotsStarted(int slots) => Volatile.Write(ref _slots, slots);

    /// <summary>A worker slot started training.</summary>
    public void AttemptStarted() => Interlocked.Increment(ref _busySlots);

    /// <summary>A worker slot finished an attempt: trained, failed, or (null) handed back untrained, which is no outcome.</summary>
    public void AttemptEnded(bool? trained)
    {
        Interlocked.Decrement(ref _busySlots);
        if (trained is { } outcome)
        {
            _attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome ? "trained" : "failed"));
        }
    }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<int>> QueueTrials() => Volatile.Read(ref _dispatch) is { } d
        ? [new(d.Ready, State("ready")), new(d.Leased, State("leased"))]
        : [];

    private IEnumerable<Measurement<int>> WorkerNodes() => Volatile.Read(ref _dispatch) is { } d ? [new(d.Nodes)] : [];

    private IEnumerable<Measurement<int>> WorkerSlots() => Volatile.Read(ref _dispatch) is { } d
        ? [new(d.Busy, State("busy")), new(d.Slots - d.Busy, State("idle"))]
        : [];

    private IEnumerable<Measurement<int>> SearchStates() => Volatile.Read(ref _searches) is { } s
        ? [new(s.Running, State("running")), new(s.Finished, State("finished")), new(s.Cancelled, State("cancelled")), new(s.Failed, State("failed"))]
        : [];

    private IEnumerable<Measurement<int>> NodeSlots()
    {
        var (slots, busy) = (Volatile.Read(ref _slots), Volatile.Read(ref _busySlots));
        return slots >= 0 ? [new(busy, State("busy")), new(slots - busy, State("idle"))] : [];
    }

    private static void Add(Counter<long> counter, long count, string tag, string value)
    {
        if (count > 0)
        {
            counter.Add(count, new KeyValuePair<string, object?>(tag, value));
        }
    }

    private static KeyValuePair<string, object?>[] State(string state) => [new("state", state)];

    private sealed record DispatchGauges(int Ready, int Leased, int Nodes, int Slots, int Busy);

    private sealed record SearchGauges(int Running, int Finished, int Cancelled, int Failed);
}
