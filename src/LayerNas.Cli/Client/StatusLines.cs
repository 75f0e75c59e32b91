using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Client;

/// <summary>How a search's status reads in one line.</summary>
public static class StatusLines
{
    /// <summary>"depth 2/3: 5/15 trials, best reward 0.8 at cost 8", as <c>layernas run</c> prints progress.</summary>
    public static string Progress(SearchProgressUpdate update)
    {
        var best = update.Best is { } b ? $", best reward {b.Reward:0.####} at cost {b.Cost:0.###}" : "";
        return $"{Stage(update)}: {update.Done}/{update.Total} trials{best}";
    }

    /// <summary>"depth 2/3", or "pass 2, depth 1/3" once LayerNAS widens its search under a trial budget.</summary>
    public static string Stage(SearchProgressUpdate update) =>
        update.PassNumber > 1 ? $"pass {update.PassNumber}, depth {update.Stage}/{update.Stages}" : $"depth {update.Stage}/{update.Stages}";

    /// <summary>Whether two updates are of the same stage of the same pass.</summary>
    public static bool SameStage(SearchProgressUpdate? a, SearchProgressUpdate b) =>
        a is not null && a.Stage == b.Stage && a.PassNumber == b.PassNumber;

    /// <summary>" (12 reused from other searches)" after a trial count's cached figure, when the shared trial cache answered any; empty otherwise.</summary>
    public static string Reused(long reused) => reused > 0 ? $" ({reused} reused from other searches)" : "";

    /// <summary>Trials trained per worker node, most first.</summary>
    public static string Nodes(IDictionary<string, long> trainedByNode) => string.Join(", ", trainedByNode
        .OrderByDescending(n => n.Value)
        .ThenBy(n => n.Key, StringComparer.Ordinal)
        .Select(n => $"{n.Key} {n.Value} trial{(n.Value == 1 ? "" : "s")}"));

    /// <summary>One line of <c>layernas list</c>: id, name, state, and progress or the best result.</summary>
    public static string Summary(SearchStatus status)
    {
        var detail = status switch
        {
            { Result.Best: { } best } => $"best reward {best.Reward:0.####} at cost {best.Cost:0.###}, {status.Result.TrialsTrained} trained",
            { Result: { } result } => $"no architecture in the target, {result.TrialsTrained} trained",
            { Progress: { } progress } => Progress(progress),
            { State: "failed" } => status.Error,
            _ => "",
        };
        return $"{status.SearchId}  {status.Name}  {status.State}  {detail}".TrimEnd();
    }
}
