using LayerNas.Core.Ledger;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Ledger;

/// <summary>Reading the trials to reuse asks for every page of every source in turn, passes over a source that does not answer, and keeps the first training of each architecture.</summary>
public sealed class TrialCacheReadingTests
{
    [Fact]
    public void Every_page_of_every_source_is_asked_for_in_turn_and_each_architecture_is_taken_from_the_first_source_that_trained_it()
    {
        var reading = new TrialCacheReading("s", LedgerSpecs.Burger().Problem.Space, ["a", "b"]);
        var asked = new List<(string, int)>();
        var sources = new Dictionary<string, TrialRecord[]>
        {
            ["a"] = [Trained(1, "brioche", "beef", "cheddar"), Failed(2, "plain", "bean", "lettuce"), Trained(3, "plain", "beef", "lettuce")],
            ["b"] = [Trained(1, "brioche", "beef", "cheddar"), Trained(2, "plain", "bean", "lettuce")],
        };

        while (reading.Question is { } question)
        {
            asked.Add((question.SearchId, question.Offset));
            var all = sources[question.SearchId];
            // Pages of two trials, as a source with more trials than a page answers.
            reading.Take(new SearchTrials { SearchId = question.SearchId, Offset = question.Offset, Total = all.Length, Trials = { all.Skip(question.Offset).Take(2) } });
        }

        Assert.Equal([("a", 0), ("a", 2), ("b", 0)], asked);
        var imported = reading.Event();
        Assert.Equal(["a", "b"], imported.Sources);
        Assert.Equal([("a", 1L), ("a", 3L), ("b", 2L)], imported.Trials.Select(t => (t.SearchId, t.TrialNumber)));
    }

    [Fact]
    public void A_source_passed_over_is_not_read_again_and_its_late_answer_is_not_about_the_source_being_read()
    {
        var reading = new TrialCacheReading("s", LedgerSpecs.Burger().Problem.Space, ["gone", "b"]);
        Assert.True(reading.IsReading("gone"));

        reading.PassOver();

        Assert.False(reading.IsReading("gone"));
        Assert.Equal(("b", 0), (reading.Question!.SearchId, reading.Question.Offset));
        reading.Take(new SearchTrials { SearchId = "b", Total = 1, Trials = { Trained(4, "plain", "chicken", "cheddar") } });
        Assert.Null(reading.Question);
        Assert.Null(reading.Reading);
        Assert.Equal(["b"], reading.Event().Sources);
    }

    [Fact]
    public void An_empty_page_ends_a_source_even_when_its_total_says_more()
    {
        var reading = new TrialCacheReading("s", LedgerSpecs.Burger().Problem.Space, ["a"]);

        reading.Take(new SearchTrials { SearchId = "a", Offset = 0, Total = 5 });

        Assert.Null(reading.Question);
    }

    private static TrialRecord Trained(long number, params string[] architecture) =>
        new() { TrialNumber = number, Architecture = { architecture }, Reward = number, Attempts = 1 };

    private static TrialRecord Failed(long number, params string[] architecture) =>
        new() { TrialNumber = number, Architecture = { architecture }, Failed = true, Attempts = 2 };
}
