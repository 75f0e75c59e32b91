using System.Globalization;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Search;

/// <summary>
/// An outcome a search can rank: a finite reward and finite metrics. NaN would sort nowhere and Infinity above every
/// real model, so a trial that reports either fails with the reason instead of being recorded as trained.
/// </summary>
public static class FiniteOutcome
{
    /// <summary>Why <paramref name="outcome"/> cannot be recorded, in one line, or null when it can.</summary>
    public static string? Problem(TrainingOutcome outcome)
    {
        if (!double.IsFinite(outcome.Reward))
        {
            return $"the trainer reported a non-finite reward ({Format(outcome.Reward)})";
        }
        foreach (var (name, value) in outcome.Metrics)
        {
            if (!double.IsFinite(value))
            {
                return $"the trainer reported a non-finite value for the metric '{name}' ({Format(value)})";
            }
        }
        return null;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
