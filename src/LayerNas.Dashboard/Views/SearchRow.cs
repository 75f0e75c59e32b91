using LayerNas.Protocol.V1;

namespace LayerNas.Dashboard.Views;

/// <summary>One search as the searches list shows it, from its status, running or ended.</summary>
/// <param name="Id">The search's id.</param>
/// <param name="Name">The spec's name.</param>
/// <param name="State">"running", "finished", "cancelled" or "failed".</param>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Target">The cost target in words.</param>
/// <param name="Stage">Where it stands: "depth 2/3 · 5/15" while it runs, "done" once it has finished.</param>
/// <param name="Fraction">How much of it is done, 0 to 1.</param>
/// <param name="Best">The best trained architecture inside the target so far; null while there is none.</param>
/// <param name="Trained">Trials trained.</param>
/// <param name="Failed">Trials failed for good.</param>
/// <param name="Cached">Proposals answered from the trial cache.</param>
/// <param name="Reused">Of those, trials another search trained (a search sharing its trial cache).</param>
/// <param name="Started">When it was submitted (Unix milliseconds).</param>
/// <param name="Ended">When it ended (Unix milliseconds); 0 while it runs.</param>
/// <param name="Error">Why it cannot go on, for a failed search.</param>
public sealed record SearchRow(string Id, string Name, string State, string Strategy, string Target, string Stage, double Fraction, Candidate? Best, long Trained, long Failed, long Cached, long Reused, long Started, long Ended, string Error)
{
    /// <summary>Whether it can still be cancelled.</summary>
    public bool IsRunning => State == "running";

    /// <summary>The row of a status.</summary>
    public static SearchRow Of(SearchStatus status)
    {
        var target = Format.Target(Format.TargetOf(status));
        if (status.Result is { } result)
        {
            return new SearchRow(status.SearchId, status.Name, status.State, status.Strategy, target, status.State == "finished" ? "done" : status.State,
                1, result.Best, result.TrialsTrained, result.TrialsFailed, result.TrialsCached, result.TrialsReused, status.SubmittedUnixMs, status.EndedUnixMs, status.Error);
        }
        var progress = status.Progress ?? new SearchProgressUpdate();
        var unit = status.Strategy == "layernas" ? "depth" : "stage";
        var stage = progress.Stages == 0 ? "starting" : $"{unit} {progress.Stage}/{progress.Stages} · {progress.Done}/{progress.Total}";
        var fraction = progress.Stages == 0 ? 0 : (progress.Stage - 1 + (progress.Total == 0 ? 0 : (double)progress.Done / progress.Total)) / progress.Stages;
        return new SearchRow(status.SearchId, status.Name, status.State, status.Strategy, target, status.State == "failed" ? "failed" : stage,
            Math.Clamp(fraction, 0, 1), progress.Best, progress.TrialsTrained, progress.TrialsFailed, progress.TrialsCached, progress.TrialsReused, status.SubmittedUnixMs, status.EndedUnixMs, status.Error);
    }
}
