using Google.Protobuf;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Searches;

public sealed class WatchHandOverTests
{
    [Fact]
    public async Task A_watch_goes_on_to_the_result_when_the_search_manager_moves_to_another_coordinator_node()
    {
        using var folder = new TempFolder();
        var database = folder.File("handover.db");
        var log = new TrainingLog();
        var first = await TestNode.StartAsync(database, RecordingTrainer.Provider(log, TimeSpan.FromMilliseconds(100)), slots: 2);
        await using var standby = await TestNode.StartStandbyCoordinatorAsync(first, database);
        await using var worker = await TestNode.StartWorkerAsync(first, RecordingTrainer.Provider(log, TimeSpan.FromMilliseconds(100)), slots: 2);
        await first.Client.SubmitAsync("moving", TestSpecs.Grid("moving", 4, 6, 5), SearchRuns.Deadline);
        var heard = new List<IMessage>();
        using var deadline = new CancellationTokenSource(SearchRuns.Deadline);
        var watching = Task.Run(async () =>
        {
            await foreach (var message in standby.Client.WatchAsync("moving", deadline.Token))
            {
                lock (heard)
                {
                    heard.Add(message);
                }
            }
        });
        await Wait.UntilAsync(() => { lock (heard) { return heard.Count >= 3; } }, SearchRuns.Deadline, "progress on the watch");

        // The oldest coordinator node leaves while the search runs; the singleton, and the search, move to the standby.
        var status = await first.Client.GetAsync("moving", SearchRuns.Deadline);
        Assert.Equal("running", status!.State);
        await first.DisposeAsync();
        await watching;

        var finished = Assert.IsType<SearchFinished>(heard[^1]);
        Assert.Equal("finished", finished.Result.Status);
        Assert.Equal(finished.Result, (await standby.Client.GetAsync("moving", SearchRuns.Deadline))!.Result);
    }
}
