using CsCheck;
using Google.Protobuf;
using LayerNas.Core.Ledger;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Ledger;

/// <summary>
/// A search that reuses an earlier search's trials through the shared trial cache trains none of them again, answers
/// exactly as a separate search with its spec, and replays (through a snapshot or not) to the ledger that ran.
/// </summary>
public sealed class TrialCacheProperties
{
    [Fact]
    public void A_search_for_another_target_reusing_the_burger_trains_nothing_trained_and_answers_as_a_separate_search()
    {
        var first = LedgerSpecs.Burger();
        var second = WithTarget(first, new Target { Min = 4, Max = 6 });

        var (cached, journal, earlier) = RunReusing(first, second, seed: 1);
        var separate = new LedgerRun(second, 2).Run(SearchLedger.Start("s", second));

        var result = cached.Finished!.Result;
        Assert.True(result.TrialsReused > 0, $"nothing reused: {result}");
        Assert.DoesNotContain(Trained(journal), earlier.Contains);
        Assert.Equal(separate.Finished!.Result, AsSeparate(result));
        Assert.Equal(separate.Finished.Result.TrialsTrained, result.TrialsTrained + result.TrialsReused);
        Assert.All(cached.Trials.Where(t => t.ReusedFrom.Length > 0), t => Assert.Equal("a", TrialRecords.Record(cached, t).ReusedFrom));
        Assert.Equal(result.TrialsReused, cached.Trials.Count(t => t.ReusedFrom.Length > 0));
    }

    [Fact]
    public void On_any_spec_and_target_a_reusing_search_trains_nothing_trained_answers_as_a_separate_one_and_replays_exactly()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], Gen.Double[0, 1]).Sample((specSeed, orderSeed, crash) =>
        {
            var first = LedgerSpecs.Random(new Random(specSeed));
            if (AnotherTarget(first) is not { } second)
            {
                return;
            }
            var (cached, journal, earlier) = RunReusing(first, second, orderSeed);
            var separate = new LedgerRun(second, orderSeed + 1).Run(SearchLedger.Start("s", second));

            Assert.DoesNotContain(Trained(journal), earlier.Contains);
            Assert.Equal(separate.Finished!.Result, AsSeparate(cached.Finished!.Result));

            // Recovery: the journal up to any point, through a snapshot of it, is the ledger that ran.
            var k = Math.Max(1, (int)(crash * journal.Count));
            var atCrash = Replay(second, journal.Take(k));
            var restored = LedgerSnapshots.Restore(second, LedgerSnapshots.Of(atCrash));
            Assert.Equal(atCrash.Status(), restored.Status());
            Assert.Equal(atCrash.PendingTrials, restored.PendingTrials);
            Assert.Equal(LedgerSnapshots.Of(atCrash), LedgerSnapshots.Of(restored));
            Assert.Equal(cached.Finished.Result, new LedgerRun(second, orderSeed + 2).Run(restored).Finished!.Result);
        }, iter: 150);
    }

    [Fact]
    public void An_import_that_is_not_the_first_event_or_names_an_option_outside_the_space_is_refused()
    {
        var search = LedgerSpecs.Burger();
        var ledger = SearchLedger.Start("s", search);
        var outside = new TrialsImported { SearchId = "s", Trials = { new TrialCompleted { SearchId = "a", TrialNumber = 1, Architecture = { 0, 9, 0 }, Reward = 1 } } };
        Assert.Contains("not in its space", Assert.Throws<InvalidOperationException>(() => ledger.Apply(outside)).Message);

        var run = new LedgerRun(search, 3);
        run.Run(ledger, stopAfter: 1);
        Assert.Contains("before anything else", Assert.Throws<InvalidOperationException>(() => ledger.Apply(new TrialsImported { SearchId = "s" })).Message);
    }

    /// <summary>Runs <paramref name="first"/> as search "a", then <paramref name="second"/> reusing its trials; returns the second ledger, its journal and the architectures "a" trained.</summary>
    private static (SearchLedger Cached, List<IMessage> Journal, HashSet<string> Earlier) RunReusing(CompiledSearch first, CompiledSearch second, int seed)
    {
        var earlier = new LedgerRun(first, seed).Run(SearchLedger.Start("a", first));
        var reading = new TrialCacheReading("s", second.Problem.Space, ["a"]);
        while (reading.Question is { } question)
        {
            reading.Take(TrialRecords.Page(earlier, question.Offset));
        }
        var imported = reading.Event();
        var ledger = SearchLedger.Start("s", second);
        ledger.Apply(imported);
        var run = new LedgerRun(second, seed + 1);
        run.Run(ledger);
        var trained = earlier.Trials.Where(t => t.Trial.Succeeded).Select(t => Key(t.Trial.Architecture.Choices.ToArray())).ToHashSet();
        Assert.Equal(trained.Count, imported.Trials.Count);
        return (ledger, [imported, .. run.Journal], trained);
    }

    private static IEnumerable<string> Trained(IEnumerable<IMessage> journal) =>
        journal.OfType<TrialCompleted>().Select(c => Key(c.Architecture));

    private static string Key(IEnumerable<int> choices) => string.Join(':', choices);

    /// <summary>The result as a separate search reports it: what was reused counted as trained.</summary>
    private static SearchResult AsSeparate(SearchResult result)
    {
        var separate = result.Clone();
        separate.TrialsTrained += result.TrialsReused;
        separate.TrialsCached -= result.TrialsReused;
        separate.TrialsReused = 0;
        return separate;
    }

    private static SearchLedger Replay(CompiledSearch search, IEnumerable<IMessage> journal)
    {
        var ledger = SearchLedger.Start("s", search);
        foreach (var @event in journal)
        {
            ledger.Apply(@event);
        }
        return ledger;
    }

    private static CompiledSearch WithTarget(CompiledSearch search, Target target)
    {
        var spec = search.Spec.Clone();
        spec.Target = target;
        return SearchFactory.Compile(spec, Specs.SpecJson.NoTables);
    }

    /// <summary>The search with a target over the cheaper half of its costs, or null when no architecture reaches it.</summary>
    private static CompiledSearch? AnotherTarget(CompiledSearch search)
    {
        var cheapest = search.Spec.Layers.Sum(l => l.Options.Min(o => o.Cost));
        var dearest = search.Spec.Layers.Sum(l => l.Options.Max(o => o.Cost));
        try
        {
            return WithTarget(search, new Target { Min = cheapest, Max = Math.Floor((cheapest + dearest) / 2) });
        }
        catch (SpecException)
        {
            return null;
        }
    }
}
