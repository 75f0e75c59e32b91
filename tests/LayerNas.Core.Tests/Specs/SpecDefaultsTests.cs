using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Specs;

public sealed class SpecDefaultsTests
{
    private static SearchSpec LayerNas(string completion = "", string scheduling = "", long? maxTrials = null, string firstPass = "", string leftover = "")
    {
        var settings = new LayerNasSettings { Buckets = 4, Completion = completion, Scheduling = scheduling, FirstPass = firstPass, Leftover = leftover };
        var strategy = new Strategy { Layernas = settings };
        if (maxTrials is { } budget)
        {
            strategy.MaxTrials = budget;
        }
        return new SearchSpec { Name = "s", Strategy = strategy };
    }

    [Fact]
    public void A_submitted_search_records_todays_defaults()
    {
        var open = LayerNas();

        Assert.Equal(("feasible", "pipelined", "spec", "widen"), Settings(SpecDefaults.Explicit(open)));
        Assert.Equal(("feasible", "pipelined", "spec", "widen"), Settings(SpecDefaults.Explicit(LayerNas(maxTrials: 50))));
        Assert.Equal(("", "", "", ""), Settings(open));
    }

    [Fact]
    public void A_spec_recorded_before_defaults_were_written_out_reads_as_that_release_did()
    {
        Assert.Equal(("most-expensive", "barrier", "spec", "stop"), Settings(SpecDefaults.AsRecorded(LayerNas())));
        Assert.Equal(("first", "barrier", "spec", "stop"), Settings(SpecDefaults.AsRecorded(LayerNas(completion: "first"))));
    }

    [Fact]
    public void A_spec_recorded_before_budgeted_passes_ends_its_budgeted_search_after_one_pass()
    {
        var recorded = LayerNas("feasible", "pipelined", maxTrials: 50);

        Assert.Equal(("feasible", "pipelined", "spec", "stop"), Settings(SpecDefaults.AsRecorded(recorded)));
        Assert.False(SearchFactory.LayerNasOptionsOf(SpecDefaults.AsRecorded(recorded).Strategy.Layernas, 50).Widen);
        Assert.True(SearchFactory.LayerNasOptionsOf(SpecDefaults.Explicit(recorded).Strategy.Layernas, 50).Widen);
    }

    [Fact]
    public void What_a_spec_names_and_other_strategies_are_left_as_they_are()
    {
        var named = LayerNas("cheapest", "pipelined", firstPass: "fit", leftover: "stop");
        named.TrialCache = TrialCache.Shared;
        var grid = new SearchSpec { Name = "g", Strategy = new Strategy { Grid = new GridSettings() }, TrialCache = TrialCache.Off };

        Assert.Same(named, SpecDefaults.Explicit(named));
        Assert.Same(named, SpecDefaults.AsRecorded(named));
        Assert.Same(grid, SpecDefaults.Explicit(grid));
    }

    [Fact]
    public void A_spec_asks_for_the_search_recorded_from_it_with_or_without_defaults_written_out_and_no_other()
    {
        var open = LayerNas();
        var other = LayerNas(completion: "first");

        Assert.True(SpecDefaults.AskFor(open, SpecDefaults.Explicit(open)));
        Assert.True(SpecDefaults.AskFor(open, open));
        Assert.False(SpecDefaults.AskFor(other, SpecDefaults.Explicit(open)));
        Assert.False(SpecDefaults.AskFor(open, LayerNas("most-expensive", "barrier")));
    }

    [Fact]
    public void The_trial_cache_is_recorded_off_unless_a_spec_opts_in_and_a_search_recorded_before_it_shares_nothing()
    {
        var open = LayerNas("feasible", "pipelined", firstPass: "spec", leftover: "widen");
        var shared = open.Clone();
        shared.TrialCache = TrialCache.Shared;

        Assert.Equal(TrialCache.Off, SpecDefaults.Explicit(open).TrialCache);
        Assert.Equal(TrialCache.Shared, SpecDefaults.Explicit(shared).TrialCache);
        Assert.Equal(TrialCache.Off, SpecDefaults.AsRecorded(open).TrialCache);
        Assert.Equal("", open.TrialCache);
        Assert.True(SpecDefaults.AskFor(open, open));
        Assert.True(SpecDefaults.AskFor(open, SpecDefaults.Explicit(open)));
        Assert.False(SpecDefaults.AskFor(shared, SpecDefaults.Explicit(open)));
        Assert.False(SpecDefaults.AskFor(open, SpecDefaults.Explicit(shared)));
    }

    private static (string Completion, string Scheduling, string FirstPass, string Leftover) Settings(SearchSpec spec) =>
        (spec.Strategy.Layernas.Completion, spec.Strategy.Layernas.Scheduling, spec.Strategy.Layernas.FirstPass, spec.Strategy.Layernas.Leftover);
}
