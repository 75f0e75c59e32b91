using Google.Protobuf;
using LayerNas.Core.Ledger;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Ledger;

/// <summary>
/// Drives a ledger as a coordinator would, without actors: results of pending trials arrive in random batches and
/// orders from random workers, now and then twice; what the ledger decides is journaled and applied.
/// </summary>
internal sealed class LedgerRun(CompiledSearch search, int seed)
{
    private readonly Random _random = new(seed);
    private long _clock = 1_700_000_000_000;

    /// <summary>Every event decided so far, in the order it was applied: the journal.</summary>
    public List<IMessage> Journal { get; } = [];

    /// <summary>Runs <paramref name="ledger"/> until it has ended, or until <paramref name="stopAfter"/> events are journaled.</summary>
    public SearchLedger Run(SearchLedger ledger, int stopAfter = int.MaxValue)
    {
        var settled = new List<TrialResult>();
        while (Journal.Count < stopAfter && ledger.Finished is null)
        {
            if (ledger.DecideEnd(_clock) is { } end)
            {
                Record(ledger, [end]);
                return ledger;
            }
            var pending = ledger.PendingTrials.OrderBy(_ => _random.Next()).Take(_random.Next(1, 6)).ToList();
            if (pending.Count == 0)
            {
                throw new InvalidOperationException($"{search.Spec.Strategy} waits with nothing pending: {ledger.Status()}");
            }
            var batch = pending.Select(t => LedgerSpecs.Result(search, t.Number, t.Architecture.Choices.ToArray(), $"akka.tcp://layernas@10.0.0.{_random.Next(1, 4)}:4053/user/workers/slot-1")).ToList();
            if (settled.Count > 0 && _random.Next(4) == 0)
            {
                // A result sent again after its acknowledgement was lost.
                batch.Insert(_random.Next(batch.Count + 1), settled[_random.Next(settled.Count)]);
            }
            var decision = ledger.Decide(batch, _clock += _random.Next(1, 50));
            Assert.Equal(batch.Count, decision.Events.Count + decision.Ignored.Count);
            settled.AddRange(batch.Except(decision.Ignored));
            Record(ledger, decision.Events.Take(stopAfter - Journal.Count).ToList());
        }
        return ledger;
    }

    private void Record(SearchLedger ledger, IReadOnlyList<IMessage> events)
    {
        foreach (var @event in events)
        {
            Journal.Add(@event);
            ledger.Apply(@event);
        }
    }
}
