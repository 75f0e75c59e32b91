using Akka.Actor;
using Akka.Hosting;
using Google.Protobuf;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class SearchCancelTests
{
    [Fact]
    public async Task A_cancelled_search_ends_with_its_best_so_far_trains_nothing_more_and_stays_cancelled_after_a_restart()
    {
        using var folder = new TempFolder();
        var database = folder.File("cancel.db");
        var log = new TrainingLog();
        var spec = TestSpecs.Grid("big", 4, 6, 5);
        SearchResult result;
        await using (var node = await TestNode.StartAsync(database, RecordingTrainer.Provider(log, TimeSpan.FromMilliseconds(30)), slots: 2))
        {
            var manager = ActorRegistry.For(node.System).Get<SearchManager>();
            await node.Client.SubmitAsync("big", spec, SearchRuns.Deadline);
            // Slots report in batches: wait for results the coordinator has recorded, not just for trainings. The dearest
            // trials go first and may all cost more than the target, so wait for a best so far as well.
            await Wait.UntilAsync(async () => (await node.Client.GetAsync("big", SearchRuns.Deadline))?.Progress is { TrialsTrained: >= 12, Best: not null }, SearchRuns.Deadline, "12 recorded results and a best so far");

            var accepted = await node.Client.CancelAsync("big", "enough for today", SearchRuns.Deadline);
            var status = await node.Client.GetAsync("big", SearchRuns.Deadline);
            var again = await node.Client.CancelAsync("big", "twice", SearchRuns.Deadline);
            var unknown = await node.Client.CancelAsync("ghost", "no such search", SearchRuns.Deadline);
            var list = await manager.Ask<SearchList>(new ListSearches(), SearchRuns.Deadline);

            Assert.False(accepted!.AlreadyEnded);
            Assert.True(again!.AlreadyEnded);
            Assert.Null(unknown);
            Assert.Equal("cancelled", status!.State);
            Assert.Equal("cancelled", Assert.Single(list.Searches).State);
            result = status.Result;
            Assert.Equal("cancelled", result.Status);
            Assert.NotNull(result.Best);
            Assert.Equal(["l0", "l1", "l2", "l3"], status.LayerNames);
        }

        var events = JournalReader.Events(database, "search-big");
        Assert.Equal("enough for today", Assert.Single(events.OfType<SearchCancelled>()).Reason);
        Assert.IsType<SearchFinished>(events[^1]);
        Assert.Equal(result.TrialsTrained, events.OfType<TrialCompleted>().Count());
        var trainedBefore = log.Keys("big").Count;

        await using (var restarted = await TestNode.StartAsync(database, RecordingTrainer.Provider(log, TimeSpan.Zero), slots: 2))
        {
            // A search that runs to its end after the restart proves the workers were free to take any trial of "big".
            await SearchRuns.RunAsync(restarted.Client, "after", TestSpecs.Burger());
            var status = await restarted.Client.GetAsync("big", SearchRuns.Deadline);

            Assert.Equal("cancelled", status!.State);
            Assert.Equal(result, status.Result);
        }
        Assert.Equal(trainedBefore, log.Keys("big").Count);
    }

    [Fact]
    public async Task A_watcher_of_a_cancelled_search_hears_its_cancelled_result_last()
    {
        using var folder = new TempFolder();
        var log = new TrainingLog();
        await using var node = await TestNode.StartAsync(folder.File("watch.db"), RecordingTrainer.Provider(log, TimeSpan.FromMilliseconds(30)), slots: 2);
        await node.Client.SubmitAsync("big", TestSpecs.Grid("big", 4, 6, 5), SearchRuns.Deadline);
        var heard = new List<IMessage>();
        using var deadline = new CancellationTokenSource(SearchRuns.Deadline);
        var watching = Task.Run(async () =>
        {
            await foreach (var message in node.Client.WatchAsync("big", deadline.Token))
            {
                heard.Add(message);
            }
        });
        await Wait.UntilAsync(() => log.Count >= 5, SearchRuns.Deadline, "5 trained trials");

        await node.Client.CancelAsync("big", "stop", SearchRuns.Deadline);
        await watching;

        Assert.Equal("cancelled", Assert.IsType<SearchFinished>(heard[^1]).Result.Status);
    }
}
