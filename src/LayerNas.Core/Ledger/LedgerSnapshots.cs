using Google.Protobuf;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>
/// A ledger's state as a compact snapshot, and a ledger restored from one. A snapshot lists the settled trials in the
/// order they were applied, with repeated names stored once; restoring applies them in that order, so the strategy
/// proposes and numbers trials as it did.
/// </summary>
public static class LedgerSnapshots
{
    /// <summary>The snapshot of a ledger's current state.</summary>
    public static SearchLedgerSnapshot Of(SearchLedger ledger)
    {
        var snapshot = new SearchLedgerSnapshot { SearchId = ledger.SearchId, Cancelled = ledger.Cancelled, Finished = ledger.Finished, Imported = ledger.Imported };
        var workers = new Dictionary<string, int>(StringComparer.Ordinal);
        var metrics = new Dictionary<string, int>(StringComparer.Ordinal);
        // Reused trials are not listed: applying the import first settles each of them again as it is proposed.
        foreach (var (trial, worker, seconds, recorded, logTail, _) in ledger.Applied.Where(r => r.ReusedFrom.Length == 0))
        {
            var compact = new LedgerTrial { TrialNumber = trial.Number, Architecture = { trial.Architecture.Choices.ToArray() }, Attempts = trial.Attempts, RecordedUnixMs = recorded };
            if (trial.Outcome is { } outcome)
            {
                compact.Reward = outcome.Reward;
                compact.Seconds = seconds;
                compact.Worker = worker.Length == 0 ? 0 : Intern(workers, snapshot.Workers, worker) + 1;
                foreach (var (name, value) in outcome.Metrics)
                {
                    compact.MetricKeys.Add(Intern(metrics, snapshot.MetricNames, name));
                    compact.MetricValues.Add(value);
                }
            }
            else
            {
                compact.FailureReason = trial.FailureReason ?? "";
                compact.LogTail = logTail;
            }
            snapshot.Trials.Add(compact);
        }
        return snapshot;
    }

    /// <summary>The events a snapshot stands for, in the order they were applied: its import of reused trials, its trials' results, then its cancellation and end.</summary>
    public static IEnumerable<IMessage> Events(SearchLedgerSnapshot snapshot)
    {
        if (snapshot.Imported is not null)
        {
            yield return snapshot.Imported;
        }
        foreach (var trial in snapshot.Trials)
        {
            yield return trial.EndCase == LedgerTrial.EndOneofCase.FailureReason
                ? new TrialFailed
                {
                    SearchId = snapshot.SearchId,
                    TrialNumber = trial.TrialNumber,
                    Architecture = { trial.Architecture },
                    Reason = trial.FailureReason,
                    Attempts = trial.Attempts,
                    RecordedUnixMs = trial.RecordedUnixMs,
                    LogTail = trial.LogTail,
                }
                : Completed(snapshot, trial);
        }
        if (snapshot.Cancelled is not null)
        {
            yield return snapshot.Cancelled;
        }
        if (snapshot.Finished is not null)
        {
            yield return snapshot.Finished;
        }
    }

    /// <summary>The ledger a snapshot describes, over the compiled spec of its search.</summary>
    public static SearchLedger Restore(CompiledSearch search, SearchLedgerSnapshot snapshot) =>
        Replay(SearchLedger.Start(snapshot.SearchId, search), Events(snapshot));

    /// <summary>
    /// The ledger a snapshot of an earlier release describes: its results carry no order, so they are applied by
    /// trial number, the order that release's strategies created them in (depth by depth, round by round).
    /// </summary>
    public static SearchLedger Restore(string searchId, CompiledSearch search, SearchCoordinatorSnapshot legacy)
    {
        var results = legacy.Completed.Select(c => (c.TrialNumber, Event: (IMessage)c))
            .Concat(legacy.Failed.Select(f => (f.TrialNumber, Event: (IMessage)f)))
            .OrderBy(r => r.TrialNumber)
            .Select(r => r.Event);
        var ends = new IMessage?[] { legacy.Cancelled, legacy.Finished }.OfType<IMessage>();
        return Replay(SearchLedger.Start(searchId, search), results.Concat(ends));
    }

    private static SearchLedger Replay(SearchLedger ledger, IEnumerable<IMessage> events)
    {
        foreach (var @event in events)
        {
            ledger.Apply(@event);
        }
        return ledger;
    }

    private static TrialCompleted Completed(SearchLedgerSnapshot snapshot, LedgerTrial trial)
    {
        var completed = new TrialCompleted
        {
            SearchId = snapshot.SearchId,
            TrialNumber = trial.TrialNumber,
            Architecture = { trial.Architecture },
            Reward = trial.Reward,
            Worker = trial.Worker == 0 ? "" : snapshot.Workers[trial.Worker - 1],
            Seconds = trial.Seconds,
            Attempts = trial.Attempts,
            RecordedUnixMs = trial.RecordedUnixMs,
        };
        for (var i = 0; i < trial.MetricKeys.Count; i++)
        {
            completed.Metrics[snapshot.MetricNames[trial.MetricKeys[i]]] = trial.MetricValues[i];
        }
        return completed;
    }

    private static int Intern(Dictionary<string, int> indices, Google.Protobuf.Collections.RepeatedField<string> names, string name)
    {
        if (!indices.TryGetValue(name, out var index))
        {
            index = names.Count;
            indices[name] = index;
            names.Add(name);
        }
        return index;
    }
}
