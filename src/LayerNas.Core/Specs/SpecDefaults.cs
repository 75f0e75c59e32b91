using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>
/// Keeps a recorded search meaning what it meant when it was submitted, whatever the release that reads it: LayerNAS
/// settings whose defaults have changed are written out when a search is recorded, and a spec recorded before that
/// was done is read with the defaults of its time.
/// </summary>
public static class SpecDefaults
{
    /// <summary>The spec with today's LayerNAS defaults written out where it leaves them open: what a search records when it is submitted.</summary>
    public static SearchSpec Explicit(SearchSpec spec) => WithDefaults(spec, "feasible", spec.Strategy?.HasMaxTrials == true ? "barrier" : "pipelined");

    /// <summary>
    /// A recorded spec as its release read it. Specs recorded since defaults are written out name their completion and
    /// schedule; one that leaves them open was recorded before, when LayerNAS completed prefixes with the dearest options
    /// and ran depth by depth.
    /// </summary>
    public static SearchSpec AsRecorded(SearchSpec spec) => WithDefaults(spec, "most-expensive", "barrier");

    /// <summary>
    /// Whether <paramref name="submitted"/>, a spec as a client gives it, asks for the search recorded with
    /// <paramref name="recorded"/>: the same spec, with or without today's defaults written out.
    /// </summary>
    public static bool AskFor(SearchSpec submitted, SearchSpec recorded) => submitted.Equals(recorded) || Explicit(submitted).Equals(recorded);

    private static SearchSpec WithDefaults(SearchSpec spec, string completion, string scheduling)
    {
        if (spec.Strategy?.Layernas is not { } layerNas || (layerNas.Completion.Length > 0 && layerNas.Scheduling.Length > 0))
        {
            return spec;
        }
        var copy = spec.Clone();
        var settings = copy.Strategy.Layernas;
        settings.Completion = settings.Completion.Length > 0 ? settings.Completion : completion;
        settings.Scheduling = settings.Scheduling.Length > 0 ? settings.Scheduling : scheduling;
        return copy;
    }
}
