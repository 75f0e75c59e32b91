using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>
/// Keeps a recorded search meaning what it meant when it was submitted, whatever the release that reads it: LayerNAS
/// settings whose defaults have changed are written out when a search is recorded, and a spec recorded before that
/// was done is read with the defaults of its time. The trial cache is written out too: a search recorded before it
/// existed shared nothing, and stays so whatever a later release's default.
/// </summary>
public static class SpecDefaults
{
    private static readonly LayerNasSettings Today = new() { Completion = "feasible", Scheduling = "pipelined", FirstPass = "spec", Leftover = "widen" };

    // What a setting left open meant before it was written out: releases before completion and scheduling were
    // recorded completed prefixes with the dearest options and ran depth by depth; releases before first pass and
    // leftover were recorded ran one pass at the spec's H and K and ended a budgeted search there.
    private static readonly LayerNasSettings Earlier = new() { Completion = "most-expensive", Scheduling = "barrier", FirstPass = "spec", Leftover = "stop" };

    /// <summary>The spec with today's LayerNAS defaults written out where it leaves them open: what a search records when it is submitted.</summary>
    public static SearchSpec Explicit(SearchSpec spec) => WithTrialCache(WithDefaults(spec, Today));

    /// <summary>
    /// A recorded spec as its release read it: every setting it names stays, and one it leaves open was recorded
    /// before that setting was written out, so it means what it meant then.
    /// </summary>
    public static SearchSpec AsRecorded(SearchSpec spec) => WithTrialCache(WithDefaults(spec, Earlier));

    /// <summary>
    /// Whether <paramref name="submitted"/>, a spec as a client gives it, asks for the search recorded with
    /// <paramref name="recorded"/>: the same spec, with or without today's defaults written out.
    /// </summary>
    /// <remarks>A search recorded before the trial cache was written out asks for none, as the spec does that leaves it open.</remarks>
    public static bool AskFor(SearchSpec submitted, SearchSpec recorded) =>
        submitted.Equals(recorded) || Explicit(submitted).Equals(recorded) || Explicit(submitted).Equals(WithTrialCache(recorded));

    private static SearchSpec WithTrialCache(SearchSpec spec)
    {
        if (spec.TrialCache.Length > 0)
        {
            return spec;
        }
        var copy = spec.Clone();
        copy.TrialCache = TrialCache.Off;
        return copy;
    }

    private static SearchSpec WithDefaults(SearchSpec spec, LayerNasSettings defaults)
    {
        if (spec.Strategy?.Layernas is not { } layerNas
            || (layerNas.Completion.Length > 0 && layerNas.Scheduling.Length > 0 && layerNas.FirstPass.Length > 0 && layerNas.Leftover.Length > 0))
        {
            return spec;
        }
        var copy = spec.Clone();
        var settings = copy.Strategy.Layernas;
        settings.Completion = Or(settings.Completion, defaults.Completion);
        settings.Scheduling = Or(settings.Scheduling, defaults.Scheduling);
        settings.FirstPass = Or(settings.FirstPass, defaults.FirstPass);
        settings.Leftover = Or(settings.Leftover, defaults.Leftover);
        return copy;
    }

    private static string Or(string named, string fallback) => named.Length > 0 ? named : fallback;
}
