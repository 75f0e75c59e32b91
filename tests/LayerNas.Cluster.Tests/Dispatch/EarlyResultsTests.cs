using LayerNas.Cluster.Dispatch;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Dispatch;

public sealed class EarlyResultsTests
{
    private static TrialResult Result(string search, long trial, string lease) =>
        new() { LeaseId = lease, SearchId = search, TrialNumber = trial, Outcome = new TrainingOutcome { Reward = trial } };

    [Fact]
    public void Results_are_held_per_search_once_per_lease_and_released_grouped_by_sender()
    {
        var early = new EarlyResults<string>();
        early.Hold("w1", Result("a", 1, "l1"));
        early.Hold("w2", Result("a", 2, "l2"));
        early.Hold("w1", Result("a", 3, "l3"));
        early.Hold("w1", Result("a", 1, "l1"));
        early.Hold("w1", Result("b", 1, "l4"));

        var released = early.Release("a");

        Assert.Equal(["w1:1,3", "w2:2"], released.Select(r => $"{r.Sender}:{string.Join(',', r.Results.Select(x => x.TrialNumber))}"));
        Assert.Equal(1, early.Count);
        Assert.Empty(early.Release("a"));
    }
}
