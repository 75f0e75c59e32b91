using System.Threading.Channels;
using Akka.TestKit.Xunit2;
using Google.Protobuf;
using LayerNas.Cluster.Client;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Client;

public sealed class SearchWatcherTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_subscription_lost_on_the_way_is_asked_again_until_the_search_answers()
    {
        var manager = CreateTestProbe();
        var updates = Channel.CreateUnbounded<IMessage>();
        Sys.ActorOf(SearchWatcher.Props(manager, "s", updates.Writer));

        // The first subscription is lost (a coordinator whose recovery failed, a singleton hand-over); the manager
        // answers the next with the search's error.
        manager.ExpectMsg<SubscribeToSearch>(Patience);
        manager.ExpectMsg<SubscribeToSearch>(Patience);
        manager.Reply(new SearchError { SearchId = "s", Reason = "search s cannot be recovered" });

        var heard = new List<IMessage>();
        await foreach (var message in updates.Reader.ReadAllAsync())
        {
            heard.Add(message);
        }
        Assert.Equal("search s cannot be recovered", Assert.IsType<SearchError>(Assert.Single(heard)).Reason);
    }

    [Fact]
    public void Once_a_coordinator_answers_the_watcher_stops_asking()
    {
        var manager = CreateTestProbe();
        var coordinator = CreateTestProbe();
        var updates = Channel.CreateUnbounded<IMessage>();
        var watcher = Sys.ActorOf(SearchWatcher.Props(manager, "s", updates.Writer));
        manager.ExpectMsg<SubscribeToSearch>(Patience);

        watcher.Tell(new SearchProgressUpdate { SearchId = "s", Stage = 1 }, coordinator);

        manager.ExpectNoMsg(TimeSpan.FromSeconds(3));
        Assert.True(updates.Reader.TryRead(out var progress));
        Assert.IsType<SearchProgressUpdate>(progress);
    }
}
