using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>A ledger's settled trials as the records users read, and the pages <see cref="SearchTrials"/> carries them in.</summary>
public static class TrialRecords
{
    /// <summary>Trials per page: a few hundred bytes each, so a page stays far below a remote message's size limit.</summary>
    public const int PageSize = 256;

    /// <summary>The page of <paramref name="ledger"/>'s trials, by trial number, that starts at <paramref name="offset"/> (clamped to the trials held).</summary>
    public static SearchTrials Page(SearchLedger ledger, int offset)
    {
        var trials = ledger.Trials;
        var start = Math.Clamp(offset, 0, trials.Count);
        var page = new SearchTrials { SearchId = ledger.SearchId, Offset = start, Total = trials.Count };
        for (var i = start; i < Math.Min(trials.Count, start + PageSize); i++)
        {
            page.Trials.Add(Record(ledger, trials[i]));
        }
        return page;
    }

    /// <summary>One settled trial, its options named and its cost priced by the search.</summary>
    public static TrialRecord Record(SearchLedger ledger, LedgerRecord record)
    {
        var trial = record.Trial;
        var message = new TrialRecord
        {
            TrialNumber = trial.Number,
            Architecture = { ledger.Search.Problem.Space.Names(trial.Architecture) },
            Cost = trial.Cost,
            Attempts = trial.Attempts,
            RecordedUnixMs = record.RecordedUnixMs,
            ReusedFrom = record.ReusedFrom,
        };
        if (trial.Outcome is { } outcome)
        {
            message.Reward = outcome.Reward;
            message.Metrics.Add(outcome.Metrics);
            message.Seconds = record.Seconds;
            message.Worker = record.Worker;
        }
        else
        {
            message.Failed = true;
            message.FailureReason = trial.FailureReason ?? "";
            message.LogTail = record.LogTail;
        }
        return message;
    }
}
